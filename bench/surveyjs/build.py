#!/usr/bin/env python3
"""Builds the SurveyJS comparison page: the SAME questionnaire as Carryover (content/questionnaire.toml:
same sections as pages, same questions, choices, the six-value practice scale with the labels from
content/locales/en.toml, and show_if as visibleIf), rendered by SurveyJS's framework-free build
(npm survey-core + survey-js-ui, minified files copied as they ship).

Usage: bench/surveyjs/build.py OUT_DIR      (run from the repository root; needs Python >= 3.11)
"""
import json
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCALE = ["not_in_place", "in_place_not_effective", "effective_not_provable",
         "effective_and_provable", "not_applicable", "dont_know"]


def condition(c, kinds):
    """A typed show_if condition → a SurveyJS expression."""
    if "answer" in c:
        q, values = c["answer"]["question"], c["answer"]["any_of"]
        if kinds[q] == "multi":
            return "{%s} anyof [%s]" % (q, ", ".join("'%s'" % v for v in values))
        return "(" + " or ".join("{%s} = '%s'" % (q, v) for v in values) + ")"
    if "all" in c:
        return "(" + " and ".join(condition(x, kinds) for x in c["all"]) + ")"
    if "any" in c:
        return "(" + " or ".join(condition(x, kinds) for x in c["any"]) + ")"
    if "not" in c:
        return "!(" + condition(c["not"], kinds) + ")"
    raise ValueError(f"unknown condition {c}")


def survey_json():
    q = tomllib.loads((ROOT / "content/questionnaire.toml").read_text())
    en = tomllib.loads((ROOT / "content/locales/en.toml").read_text())
    scale = [{"value": v, "text": en["answer"][v]["label"]} for v in SCALE]
    kinds = {x["id"]: x["kind"] for x in q["question"]}
    pages = []
    for s in q["section"]:
        elements = []
        for x in (x for x in q["question"] if x["section"] == s["id"]):
            el = {
                "type": "checkbox" if x["kind"] == "multi" else "radiogroup",
                "name": x["id"],
                "title": x["text"],
                "description": x["why"] + (" " + x["help"] if "help" in x else ""),
                "choices": scale if x["kind"] == "practice"
                else [{"value": c["id"], "text": c["label"]} for c in x["choice"]],
            }
            if "show_if" in x:
                el["visibleIf"] = condition(x["show_if"], kinds)
            elements.append(el)
        pages.append({"name": s["id"], "title": s["title"], "description": s["intro"],
                      "elements": elements})
    return {"title": "Carryover (SurveyJS comparison)", "showProgressBar": "top",
            "progressBarType": "questions", "showQuestionNumbers": "off", "pages": pages}


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="The Carryover questionnaire rendered with SurveyJS, for benchmarking.">
<title>Carryover questionnaire (SurveyJS)</title>
<link rel="stylesheet" href="survey-core.fontless.min.css">
<script defer src="survey.core.min.js"></script>
<script defer src="survey-js-ui.min.js"></script>
<script defer src="survey.js"></script>
</head>
<body>
<main id="survey"></main>
</body>
</html>
"""


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    nm = ROOT / "node_modules"
    for f in [nm / "survey-core/survey.core.min.js", nm / "survey-core/survey-core.fontless.min.css",
              nm / "survey-js-ui/survey-js-ui.min.js"]:
        shutil.copy(f, out / f.name)
    data = json.dumps(survey_json(), ensure_ascii=False, separators=(",", ":"))
    (out / "survey.js").write_text(
        "const model = new Survey.Model(%s);\n"
        "SurveyUI.renderSurvey(model, document.getElementById('survey'));\n" % data)
    (out / "index.html").write_text(PAGE)
    n = sum(len(p["elements"]) for p in survey_json()["pages"])
    print(f"surveyjs: {n} questions on {len(survey_json()['pages'])} pages → {out}/", file=sys.stderr)


if __name__ == "__main__":
    main()
