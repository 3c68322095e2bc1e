//! The shipped content validates, and its IDs match the reference catalogs exactly (counts,
//! objectives, no invented controls). The reference IDs live in `tests/reference/` (see its README
//! for their origin), so the tests pass in a clone placed anywhere.

use std::collections::BTreeSet;
use std::path::PathBuf;

use carryover_engine::Catalog;
use carryover_engine::model::{AreaKind, QuestionKind, Relation};

fn catalog() -> &'static Catalog {
    match Catalog::builtin() {
        Ok(c) => c,
        Err(e) => panic!("shipped content is invalid:\n{e}"),
    }
}

/// Rows of a reference TSV (header skipped), split on tabs.
fn reference(name: &str) -> Vec<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {} ({e})", path.display()));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

#[test]
fn shipped_content_is_valid() {
    catalog();
}

#[test]
fn every_annex_a_control_is_a_requirement_in_its_objective() {
    let c = catalog();
    let rows = reference("iso42001-annex-a.tsv");
    assert_eq!(rows.len(), 38, "reference lists 38 Annex A controls");
    let ours: BTreeSet<&str> = c
        .requirements
        .iter()
        .filter(|r| r.kind == AreaKind::Objective)
        .map(|r| r.id.as_str())
        .collect();
    let theirs: BTreeSet<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ours, theirs,
        "Annex A controls must match the reference exactly"
    );
    for row in &rows {
        let req = c.requirement(&row[0]).expect("checked above");
        assert_eq!(
            c.areas[req.area].id, row[1],
            "{} belongs to objective {}",
            row[0], row[1]
        );
    }
    let objectives: Vec<&str> = c
        .areas
        .iter()
        .filter(|a| a.kind == AreaKind::Objective)
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        objectives,
        [
            "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"
        ]
    );
}

#[test]
fn every_clause_and_subclause_is_present() {
    let c = catalog();
    let rows = reference("iso42001-clauses.tsv");
    assert_eq!(rows.len(), 43);
    let mut ours: BTreeSet<&str> = BTreeSet::new();
    ours.extend(
        c.areas
            .iter()
            .filter(|a| a.kind == AreaKind::Clause)
            .map(|a| a.id.as_str()),
    );
    ours.extend(c.headings.iter().map(|h| h.id.as_str()));
    ours.extend(
        c.requirements
            .iter()
            .filter(|r| r.kind == AreaKind::Clause)
            .map(|r| r.id.as_str()),
    );
    let theirs: BTreeSet<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ours, theirs,
        "clauses 4–10 must match the reference exactly"
    );
    // Scored clause requirements are exactly the leaves.
    let leaves: BTreeSet<&str> = theirs
        .iter()
        .copied()
        .filter(|id| !theirs.iter().any(|o| o.starts_with(&format!("{id}."))))
        .collect();
    let scored: BTreeSet<&str> = c
        .requirements
        .iter()
        .filter(|r| r.kind == AreaKind::Clause)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(scored, leaves);
    assert_eq!(scored.len(), 32);
}

fn framework_ids(c: &Catalog, id: &str) -> BTreeSet<String> {
    let fw = c
        .frameworks
        .iter()
        .find(|f| f.id == id)
        .expect("framework present");
    fw.items.iter().map(|i| i.id.clone()).collect()
}

#[test]
fn framework_items_match_the_references() {
    let c = catalog();
    let mut iso: BTreeSet<String> = reference("iso27001-2022-clauses.tsv")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    iso.extend(
        reference("iso27001-2022-annex-a.tsv")
            .into_iter()
            .map(|r| r[0].clone()),
    );
    assert_eq!(framework_ids(c, "iso27001"), iso);
    assert_eq!(iso.len(), 41 + 93);
    let soc2: BTreeSet<String> = reference("soc2-tsc.tsv")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(framework_ids(c, "soc2"), soc2);
    assert_eq!(soc2.len(), 61);
    let airmf: BTreeSet<String> = reference("nist-ai-rmf.tsv")
        .into_iter()
        .filter(|r| r.get(1).map(String::as_str) == Some("subcategory"))
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(framework_ids(c, "airmf"), airmf);
    assert_eq!(airmf.len(), 72);
}

#[test]
fn every_requirement_is_mapped_and_explained() {
    let c = catalog();
    assert_eq!(c.requirements.len(), 70);
    for (ri, r) in c.requirements.iter().enumerate() {
        assert!(r.explain.len() >= 40, "{} needs a real explanation", r.id);
        let m = &c.crosswalk[ri];
        assert!(
            !m.rows.is_empty() || m.net_new.is_some(),
            "{} is neither mapped nor declared net-new",
            r.id
        );
        assert!(
            c.supports[ri]
                .iter()
                .any(|&(qi, ci)| c.questions[qi].covers[ci].relation == Relation::Full),
            "{} cannot become inherited",
            r.id
        );
    }
    // The two impact-assessment requirements have no security-framework counterpart.
    for id in ["6.1.4", "8.4"] {
        let ri = c.requirement_index(id).expect("present");
        assert!(
            c.crosswalk[ri].net_new.is_some(),
            "{id} is net-new for security programs"
        );
    }
}

#[test]
fn published_airmf_pairs_resolve_in_our_catalog() {
    // Facts from the public AI RMF → 42001 crosswalk: every pair names IDs we know.
    let c = catalog();
    let airmf = framework_ids(c, "airmf");
    for row in reference("mapping-nist-ai-rmf-to-iso42001.tsv") {
        assert!(airmf.contains(&row[0]), "unknown AI RMF id {}", row[0]);
        let target = &row[1];
        let known = c.requirement(target).is_some()
            || c.headings.iter().any(|h| &h.id == target)
            || c.areas.iter().any(|a| &a.id == target);
        assert!(
            known,
            "AI RMF crosswalk target {target} is not in our catalog"
        );
    }
}

#[test]
fn intake_questions_the_engine_relies_on_exist() {
    let c = catalog();
    for (id, kind) in [
        ("soc2", QuestionKind::Single),
        ("iso27001", QuestionKind::Single),
        ("airmf", QuestionKind::Single),
        ("roles", QuestionKind::Multi),
        ("subjects", QuestionKind::Single),
        ("ai_systems", QuestionKind::Single),
        ("consequential", QuestionKind::Multi),
        ("eu", QuestionKind::Single),
        ("driver", QuestionKind::Multi),
        ("integration", QuestionKind::Single),
        ("cert_body", QuestionKind::Single),
    ] {
        let q = c
            .question(id)
            .unwrap_or_else(|| panic!("intake question {id} missing"));
        assert_eq!(q.kind, kind, "{id}");
    }
}

#[test]
fn questionnaire_is_about_ten_minutes() {
    let c = catalog();
    let n = c.questions.len();
    assert!(
        (30..=50).contains(&n),
        "{n} questions is not a ten-minute questionnaire"
    );
}

#[test]
fn a_broken_bundle_reports_every_problem_at_once() {
    let mut v: serde_json::Value = serde_json::from_str(Catalog::builtin_json()).expect("json");
    // Two independent mistakes: an unknown requirement in the crosswalk, a bad weight.
    v["crosswalk"]["map"][0]["requirement"] = "A.3.4".into();
    v["iso42001"]["requirement"][1]["weight"] = 9.into();
    let err = Catalog::load(&v.to_string()).expect_err("must fail");
    let text = err.to_string();
    assert!(text.contains("`A.3.4`: unknown requirement"), "{text}");
    assert!(text.contains("weight 9 is outside 1..=3"), "{text}");
    assert!(text.contains("has no crosswalk map"), "{text}");
}

#[test]
fn english_has_every_key_some_layer_looks_up() {
    // Checked above every layer (text::check_locales), not inside content validation, so the
    // content layer does not reach up for the keys; the CLI runs it at start as well.
    assert_eq!(carryover_engine::text::check_locales(catalog()), Ok(()));
}

#[test]
fn a_missing_english_key_is_reported_by_name() {
    let mut v: serde_json::Value = serde_json::from_str(Catalog::builtin_json()).expect("json");
    // From every language: a key English lacks is unknown in the others (`content::lang`).
    for locale in ["en", "fr"] {
        v["locales"][locale]["status"]
            .as_object_mut()
            .expect("status keys")
            .remove("extend");
    }
    let loaded = Catalog::load(&v.to_string()).expect("the rest of the content is valid");
    let err = carryover_engine::text::check_locales(&loaded).expect_err("a key is missing");
    assert_eq!(
        err.0,
        vec!["locales/en.toml: missing `status.extend`".to_owned()]
    );
}

#[test]
fn a_typo_in_a_content_key_is_an_error() {
    let mut v: serde_json::Value = serde_json::from_str(Catalog::builtin_json()).expect("json");
    v["iso42001"]["requirement"][0]["wieght"] = 2.into();
    let err = Catalog::load(&v.to_string()).expect_err("unknown key must fail");
    assert!(err.to_string().contains("wieght"), "{err}");
}

#[test]
fn the_compiled_bundle_gives_the_same_builtin_catalog() {
    // What the web app decodes from its build script's bytes must be the catalog `load` gives
    // from the same content, down to the look-up indexes (Debug shows every field).
    let bundle = carryover_engine::assess::bundle::Bundle::load().expect("valid content");
    let decoded = carryover_engine::assess::bundle::Bundle::decode(&bundle.encode())
        .expect("the encoded bundle decodes");
    let direct = Catalog::builtin().expect("the built-in content is valid");
    assert_eq!(format!("{:?}", decoded.catalog), format!("{direct:?}"));
}

#[test]
fn every_program_cover_row_has_a_crosswalk_row_behind_it() {
    // Issue 11: a practice that supports a requirement does so through framework items our
    // crosswalk explains; for every program practice's cover row, the requirement's crosswalk has a
    // row from one of the practice's refs with the same relation (e.g. 9.3.2 is partial in both).
    let c = catalog();
    for q in c
        .questions
        .iter()
        .filter(|q| q.family == Some(carryover_engine::model::Family::Program))
    {
        for cover in &q.covers {
            let rows: Vec<_> = c.crosswalk[cover.requirement]
                .rows
                .iter()
                .filter(|r| q.refs.contains(&r.source))
                .collect();
            let req = &c.requirements[cover.requirement].id;
            assert!(
                !rows.is_empty(),
                "{} covers {req} with no crosswalk row",
                q.id
            );
            assert!(
                rows.iter().any(|r| r.relation == cover.relation),
                "{} covers {req} {:?} but the crosswalk says otherwise",
                q.id,
                cover.relation
            );
        }
    }
}

#[test]
fn every_partial_row_states_its_reuse_share_and_why() {
    // Issue 11: no global partial factor; each partial row says how much it reuses and why.
    let c = catalog();
    for q in &c.questions {
        for cover in &q.covers {
            match cover.relation {
                Relation::Full => {
                    assert!((cover.share - 1.0).abs() < f64::EPSILON);
                    assert!(cover.reuse.is_none());
                }
                Relation::Partial => {
                    assert!(cover.share > 0.0 && cover.share < 1.0, "{}", q.id);
                    let why = cover.reuse.as_deref().unwrap_or_default();
                    assert!(why.len() >= 20, "{}: reuse reason too short", q.id);
                }
            }
        }
    }
    for m in &c.crosswalk {
        for r in &m.rows {
            match r.relation {
                Relation::Full => assert!((r.share - 1.0).abs() < f64::EPSILON),
                Relation::Partial => assert!(r.share > 0.0 && r.share < 1.0),
            }
        }
    }
}

#[test]
fn nist_pairs_we_added_are_in_the_published_crosswalk() {
    // The AI RMF rows added for issue 11 are facts from the NIST crosswalk, not our invention.
    let published: BTreeSet<(String, String)> = reference("mapping-nist-ai-rmf-to-iso42001.tsv")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let c = catalog();
    for (item, req) in [
        ("GOVERN 1.4", "6.1.2"),
        ("GOVERN 1.4", "6.1.3"),
        ("MANAGE 2.3", "6.1.2"),
        ("MANAGE 2.3", "6.1.3"),
        ("MEASURE 2.2", "A.6.2.4"),
        ("MEASURE 2.6", "A.6.2.4"),
        ("MEASURE 2.13", "A.6.2.4"),
        ("MANAGE 2.2", "A.6.2.6"),
        ("MEASURE 2.6", "A.6.2.6"),
        ("GOVERN 6.2", "A.10.2"),
        ("MANAGE 3.1", "A.10.2"),
        ("MAP 3.1", "A.5.2"),
        ("MAP 3.3", "A.5.2"),
    ] {
        assert!(
            published.contains(&(item.to_owned(), req.to_owned())),
            "{item} → {req}"
        );
        let ri = c.requirement_index(req).expect("known");
        assert!(
            c.crosswalk[ri]
                .rows
                .iter()
                .any(|r| c.item_key(r.source) == format!("airmf:{item}")),
            "{req} lacks airmf:{item}"
        );
    }
    // Pairs the published crosswalk does not make are not ours either.
    for (item, req) in [("MEASURE 1.3", "9.2.1"), ("GOVERN 1.4", "7.5.1")] {
        let ri = c.requirement_index(req).expect("known");
        assert!(
            !c.crosswalk[ri]
                .rows
                .iter()
                .any(|r| c.item_key(r.source) == format!("airmf:{item}")),
            "{req} still lists airmf:{item}"
        );
    }
}
