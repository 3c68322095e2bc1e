//! The content validator: builds a [`Catalog`] from the raw content files and collects every
//! problem on the way, so a content author sees the whole list at once.

use std::collections::{BTreeMap, BTreeSet};

use super::catalog::{
    Area, Band, Catalog, Certification, Choice, Condition, ContentErrors, Cover, CrosswalkRow,
    EffortModel, Factor, Framework, FrameworkItem, Heading, ItemRef, Mapping, Milestone, Offset,
    ProgramRule, PublishedFigure, Question, Requirement, Rules, Section, Source, SuggestionRule,
    WarningRule,
};
use super::raw::{
    RawCondition, RawContent, RawEffort, RawFramework, RawQuestion, RawRules, RawStandard,
};
use crate::model::{AreaKind, QuestionKind, Relation};

impl Catalog {
    /// Validates raw content into a catalog, or every problem found.
    pub(super) fn validate(raw: RawContent) -> Result<Catalog, ContentErrors> {
        let mut v = Validator::default();
        let catalog = v.build(raw);
        if v.errors.is_empty() {
            Ok(catalog)
        } else {
            Err(ContentErrors(v.errors))
        }
    }
}

/// Collects every problem while building the catalog.
#[derive(Default)]
struct Validator {
    errors: Vec<String>,
}

fn unique<'a>(
    errors: &mut Vec<String>,
    what: &str,
    ids: impl Iterator<Item = &'a str>,
) -> BTreeMap<String, usize> {
    let mut map = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            errors.push(format!("{what} #{} has an empty id", i + 1));
        }
        if map.insert(id.to_owned(), i).is_some() {
            errors.push(format!("{what} `{id}` is defined twice"));
        }
    }
    map
}

impl Validator {
    fn err(&mut self, msg: impl Into<String>) {
        self.errors.push(msg.into());
    }

    fn text(&mut self, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.err(format!("{what} is empty"));
        }
    }

    #[allow(clippy::too_many_lines)] // the content parts in dependency order, read top to bottom
    fn build(&mut self, raw: RawContent) -> Catalog {
        let (areas, headings, requirements, requirement_index, raw_conditions) =
            self.standard(raw.iso42001);
        let frameworks = self.frameworks(raw.frameworks);
        let item_refs = item_index(&frameworks);
        let crosswalk = self.crosswalk(
            raw.crosswalk,
            &requirements,
            &requirement_index,
            &item_refs,
            &frameworks,
        );

        let sections_index = unique(
            &mut self.errors,
            "section",
            raw.questionnaire.section.iter().map(|s| s.id.as_str()),
        );
        let sections: Vec<Section> = raw
            .questionnaire
            .section
            .into_iter()
            .map(|s| {
                self.text(&format!("section `{}` title", s.id), &s.title);
                Section {
                    id: s.id,
                    title: s.title,
                    intro: s.intro,
                }
            })
            .collect();
        self.text("content_version", &raw.questionnaire.content_version);
        let question_index = unique(
            &mut self.errors,
            "question",
            raw.questionnaire.question.iter().map(|q| q.id.as_str()),
        );
        let mut questions: Vec<Question> = Vec::new();
        for (qi, q) in raw.questionnaire.question.into_iter().enumerate() {
            let question = self.question(
                qi,
                q,
                &sections_index,
                &questions,
                &requirement_index,
                &item_refs,
            );
            questions.push(question);
        }
        // Requirement conditions need the questions, so they resolve last.
        let mut requirements = requirements;
        for (ri, cond) in raw_conditions {
            let what = format!("requirement `{}` applies_if", requirements[ri].id);
            requirements[ri].applies_if =
                Some(self.condition(&what, &cond, &questions, &question_index, questions.len()));
        }
        let mut supports = vec![Vec::new(); requirements.len()];
        for (qi, q) in questions.iter().enumerate() {
            for (ci, c) in q.covers.iter().enumerate() {
                if let Some(s) = supports.get_mut(c.requirement) {
                    s.push((qi, ci));
                }
            }
        }
        for (ri, s) in supports.iter().enumerate() {
            let full = s
                .iter()
                .any(|&(qi, ci)| questions[qi].covers[ci].relation == Relation::Full);
            if !full {
                self.err(format!(
                    "requirement `{}` is not fully covered by any practice question, so no answers could make it inherited",
                    requirements[ri].id
                ));
            }
        }
        let (effort, sources) = self.effort(raw.effort, &questions, &question_index);
        let rules = self.rules(
            raw.rules,
            &questions,
            &question_index,
            &frameworks,
            &requirement_index,
        );
        let published = self.published(raw.published, &sources, &frameworks);
        let certification = self.certification(raw.certification, &sources);
        let locales = self.locales(raw.locales);
        let mut effort = effort;
        effort.sources = sources;
        let catalog = Catalog {
            content_version: raw.questionnaire.content_version,
            areas,
            headings,
            requirements,
            frameworks,
            crosswalk,
            sections,
            questions,
            effort,
            rules,
            published,
            certification,
            locales,
            overlays: raw.overlays,
            supports,
            question_index,
            requirement_index,
        };
        crate::content::lang::check(&catalog, &mut self.errors);
        catalog
    }

    #[allow(clippy::type_complexity)] // one private hand-off of the five parts of the standard
    fn standard(
        &mut self,
        raw: RawStandard,
    ) -> (
        Vec<Area>,
        Vec<Heading>,
        Vec<Requirement>,
        BTreeMap<String, usize>,
        Vec<(usize, RawCondition)>,
    ) {
        let area_index = unique(
            &mut self.errors,
            "area",
            raw.area.iter().map(|a| a.id.as_str()),
        );
        let areas: Vec<Area> = raw
            .area
            .into_iter()
            .map(|a| {
                self.text(&format!("area `{}` name", a.id), &a.name);
                self.text(&format!("area `{}` explain", a.id), &a.explain);
                Area {
                    id: a.id,
                    kind: a.kind,
                    name: a.name,
                    explain: a.explain,
                }
            })
            .collect();
        let mut headings = Vec::new();
        for h in raw.heading {
            match area_index.get(&h.area) {
                Some(&area) => headings.push(Heading {
                    id: h.id,
                    area,
                    name: h.name,
                }),
                None => self.err(format!(
                    "heading `{}` names unknown area `{}`",
                    h.id, h.area
                )),
            }
        }
        let requirement_index = unique(
            &mut self.errors,
            "requirement",
            raw.requirement.iter().map(|r| r.id.as_str()),
        );
        let mut requirements = Vec::new();
        let mut conditions = Vec::new();
        for r in raw.requirement {
            let what = format!("requirement `{}`", r.id);
            let Some(&area) = area_index.get(&r.area) else {
                self.err(format!("{what} names unknown area `{}`", r.area));
                continue;
            };
            let kind = areas[area].kind;
            let prefix_ok = match kind {
                AreaKind::Clause => r.id.split('.').next() == Some(r.area.as_str()),
                AreaKind::Objective => r.id.starts_with(&format!("{}.", r.area)),
            };
            if !prefix_ok {
                self.err(format!("{what} does not belong to area `{}`", r.area));
            }
            self.text(&format!("{what} name"), &r.name);
            self.text(&format!("{what} explain"), &r.explain);
            if !(1..=3).contains(&r.weight) {
                self.err(format!("{what} weight {} is outside 1..=3", r.weight));
            }
            if !(r.days.is_finite() && r.days > 0.0 && r.days <= 60.0) {
                self.err(format!(
                    "{what} days {} must be above 0 and at most 60",
                    r.days
                ));
            }
            match (&r.applies_if, &r.na_reason, kind) {
                (Some(_), Some(reason), AreaKind::Objective) => {
                    self.text(&format!("{what} na_reason"), reason);
                }
                (Some(_), _, AreaKind::Clause) => self.err(format!(
                    "{what} is a clause: clauses 4–10 cannot be excluded, so it takes no applies_if"
                )),
                (Some(_), None, AreaKind::Objective) => {
                    self.err(format!("{what} has applies_if but no na_reason"));
                }
                (None, Some(_), _) => self.err(format!("{what} has na_reason but no applies_if")),
                (None, None, _) => {}
            }
            if let Some(c) = r.applies_if {
                conditions.push((requirements.len(), c));
            }
            requirements.push(Requirement {
                id: r.id,
                area,
                kind,
                name: r.name,
                explain: r.explain,
                weight: r.weight,
                work: r.work,
                days: r.days,
                phase: r.phase,
                applies_if: None,
                na_reason: r.na_reason,
            });
        }
        (areas, headings, requirements, requirement_index, conditions)
    }

    fn frameworks(&mut self, raw: Vec<RawFramework>) -> Vec<Framework> {
        unique(
            &mut self.errors,
            "framework",
            raw.iter().map(|f| f.id.as_str()),
        );
        raw.into_iter()
            .map(|f| {
                unique(
                    &mut self.errors,
                    &format!("{} item", f.id),
                    f.item.iter().map(|i| i.id.as_str()),
                );
                for i in &f.item {
                    self.text(&format!("{} item `{}` name", f.id, i.id), &i.name);
                }
                Framework {
                    id: f.id,
                    name: f.name,
                    items: f
                        .item
                        .into_iter()
                        .map(|i| FrameworkItem {
                            id: i.id,
                            group: i.group,
                            name: i.name,
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn crosswalk(
        &mut self,
        raw: crate::content::raw::RawCrosswalk,
        requirements: &[Requirement],
        requirement_index: &BTreeMap<String, usize>,
        item_refs: &BTreeMap<String, ItemRef>,
        frameworks: &[Framework],
    ) -> Vec<Mapping> {
        let mut maps: Vec<Option<Mapping>> = vec![None; requirements.len()];
        for m in raw.map {
            let what = format!("crosswalk map for `{}`", m.requirement);
            let Some(&ri) = requirement_index.get(&m.requirement) else {
                self.err(format!("{what}: unknown requirement"));
                continue;
            };
            let mut rows = Vec::new();
            let mut seen = BTreeSet::new();
            for row in m.row {
                self.text(
                    &format!("{what} row `{}` rationale", row.source),
                    &row.rationale,
                );
                match item_refs.get(&row.source) {
                    Some(&r) => {
                        if !seen.insert(r) {
                            self.err(format!("{what} lists `{}` twice", row.source));
                        }
                        let share = self.share(
                            &format!("{what} row `{}`", row.source),
                            row.relation,
                            row.share,
                        );
                        rows.push(CrosswalkRow {
                            source: r,
                            relation: row.relation,
                            rationale: row.rationale,
                            share,
                        });
                    }
                    None => self.err(format!(
                        "{what}: source `{}` is not a known framework item (write framework:item, e.g. iso27001:A.5.15)",
                        row.source
                    )),
                }
            }
            let security = rows.iter().any(|r| {
                matches!(
                    frameworks[r.source.framework].id.as_str(),
                    "iso27001" | "soc2"
                )
            });
            match (&m.net_new, security) {
                (None, false) => self.err(format!(
                    "{what}: no ISO 27001 or SOC 2 row, so net_new must say why nothing supports it"
                )),
                (Some(_), true) => self.err(format!(
                    "{what}: net_new is set but ISO 27001 / SOC 2 rows support it; remove one"
                )),
                (Some(t), false) => self.text(&format!("{what} net_new"), t),
                (None, true) => {}
            }
            if maps[ri].is_some() {
                self.err(format!("{what}: mapped twice"));
            }
            maps[ri] = Some(Mapping {
                net_new: m.net_new,
                rows,
            });
        }
        maps.into_iter()
            .enumerate()
            .map(|(ri, m)| {
                m.unwrap_or_else(|| {
                    self.err(format!(
                        "requirement `{}` has no crosswalk map (map it, or say it is net-new)",
                        requirements[ri].id
                    ));
                    Mapping {
                        net_new: None,
                        rows: Vec::new(),
                    }
                })
            })
            .collect()
    }

    #[allow(clippy::too_many_lines)] // one check per question field, in file order
    fn question(
        &mut self,
        qi: usize,
        q: RawQuestion,
        sections: &BTreeMap<String, usize>,
        earlier: &[Question],
        requirement_index: &BTreeMap<String, usize>,
        item_refs: &BTreeMap<String, ItemRef>,
    ) -> Question {
        let what = format!("question `{}`", q.id);
        let section = sections.get(&q.section).copied().unwrap_or_else(|| {
            self.err(format!("{what} names unknown section `{}`", q.section));
            0
        });
        self.text(&format!("{what} text"), &q.text);
        self.text(&format!("{what} why"), &q.why);
        let earlier_index: BTreeMap<String, usize> = earlier
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        let show_if = q
            .show_if
            .as_ref()
            .map(|c| self.condition(&format!("{what} show_if"), c, earlier, &earlier_index, qi));
        match q.kind {
            QuestionKind::Single | QuestionKind::Multi => {
                if q.choice.len() < 2 {
                    self.err(format!("{what} needs at least two choices"));
                }
                unique(
                    &mut self.errors,
                    &format!("{what} choice"),
                    q.choice.iter().map(|c| c.id.as_str()),
                );
                for c in &q.choice {
                    self.text(&format!("{what} choice `{}` label", c.id), &c.label);
                }
                if q.family.is_some()
                    || !q.refs.is_empty()
                    || !q.covers.is_empty()
                    || q.name.is_some()
                {
                    self.err(format!(
                        "{what}: name, family, refs and covers belong to practice questions only"
                    ));
                }
            }
            QuestionKind::Practice => {
                if !q.choice.is_empty() {
                    self.err(format!(
                        "{what}: practice questions use the fixed maturity scale, not choices"
                    ));
                }
                if q.family.is_none() {
                    self.err(format!(
                        "{what}: practice questions need a family (program or ai)"
                    ));
                }
                match &q.name {
                    Some(name) => self.text(&format!("{what} name"), name),
                    None => self.err(format!(
                        "{what}: practice questions need a short `name` (how sentences name it)"
                    )),
                }
                if q.covers.is_empty() {
                    self.err(format!(
                        "{what}: a practice must cover at least one requirement"
                    ));
                }
            }
        }
        let mut refs = Vec::new();
        for r in &q.refs {
            match item_refs.get(r) {
                Some(&x) => refs.push(x),
                None => self.err(format!("{what} refs unknown framework item `{r}`")),
            }
        }
        let mut covers = Vec::new();
        let mut seen = BTreeSet::new();
        for c in q.covers {
            self.text(&format!("{what} cover `{}` note", c.requirement), &c.note);
            match requirement_index.get(&c.requirement) {
                Some(&requirement) => {
                    if !seen.insert(requirement) {
                        self.err(format!("{what} covers `{}` twice", c.requirement));
                    }
                    let row = format!("{what} cover `{}`", c.requirement);
                    let share = self.share(&row, c.relation, c.share);
                    match (c.relation, &c.reuse) {
                        (Relation::Partial, Some(t)) => self.text(&format!("{row} reuse"), t),
                        (Relation::Partial, None) => self.err(format!(
                            "{row}: a partial row needs `reuse`, one line on what is reused and what is new"
                        )),
                        (Relation::Full, Some(_)) => self.err(format!(
                            "{row}: `reuse` belongs to partial rows only (a full row reuses everything)"
                        )),
                        (Relation::Full, None) => {}
                    }
                    covers.push(Cover {
                        requirement,
                        relation: c.relation,
                        note: c.note,
                        share,
                        reuse: c.reuse,
                    });
                }
                None => self.err(format!(
                    "{what} covers unknown requirement `{}`",
                    c.requirement
                )),
            }
        }
        Question {
            id: q.id,
            section,
            kind: q.kind,
            name: q.name,
            text: q.text,
            why: q.why,
            help: q.help,
            show_if,
            choices: q
                .choice
                .into_iter()
                .map(|c| Choice {
                    id: c.id,
                    label: c.label,
                })
                .collect(),
            family: q.family,
            refs,
            covers,
        }
    }

    /// Resolves a condition. `before` bounds which questions it may look at (earlier ones only for
    /// `show_if`, so there are no cycles).
    fn condition(
        &mut self,
        what: &str,
        c: &RawCondition,
        questions: &[Question],
        index: &BTreeMap<String, usize>,
        before: usize,
    ) -> Condition {
        match c {
            RawCondition::Answer { question, any_of } => {
                let Some(&qi) = index.get(question).filter(|&&qi| qi < before) else {
                    self.err(format!(
                        "{what} looks at `{question}`, which is not an earlier question"
                    ));
                    return Condition::Answer {
                        question: usize::MAX,
                        any_of: any_of.clone(),
                    };
                };
                let q = &questions[qi];
                match q.kind {
                    QuestionKind::Single | QuestionKind::Multi => {}
                    QuestionKind::Practice => self.err(format!(
                        "{what} looks at practice `{question}`: conditions may only look at single or multi questions"
                    )),
                }
                if any_of.is_empty() {
                    self.err(format!("{what}: any_of is empty"));
                }
                for choice in any_of {
                    if !q.choices.iter().any(|c| &c.id == choice) {
                        self.err(format!("{what}: `{question}` has no choice `{choice}`"));
                    }
                }
                Condition::Answer {
                    question: qi,
                    any_of: any_of.clone(),
                }
            }
            RawCondition::All(cs) => Condition::All(
                cs.iter()
                    .map(|c| self.condition(what, c, questions, index, before))
                    .collect(),
            ),
            RawCondition::Any(cs) => Condition::Any(
                cs.iter()
                    .map(|c| self.condition(what, c, questions, index, before))
                    .collect(),
            ),
            RawCondition::Not(c) => {
                Condition::Not(Box::new(self.condition(what, c, questions, index, before)))
            }
        }
    }

    /// The reuse share of a mapping row: a partial row must state one strictly between 0 and 1;
    /// a full row reuses everything (1) and states none.
    fn share(&mut self, what: &str, relation: Relation, share: Option<f64>) -> f64 {
        match (relation, share) {
            (Relation::Partial, Some(x)) if x.is_finite() && x > 0.0 && x < 1.0 => x,
            (Relation::Partial, Some(_)) => {
                self.err(format!("{what}: share must be strictly between 0 and 1"));
                0.5
            }
            (Relation::Partial, None) => {
                self.err(format!(
                    "{what}: a partial row needs `share`, the part of the requirement it really reuses"
                ));
                0.5
            }
            (Relation::Full, None) => 1.0,
            (Relation::Full, Some(_)) => {
                self.err(format!(
                    "{what}: `share` belongs to partial rows only (a full row counts 1)"
                ));
                1.0
            }
        }
    }

    fn sources_known(&mut self, what: &str, cited: &[String], known: &BTreeSet<String>) {
        if cited.is_empty() {
            self.err(format!("{what} cites no source"));
        }
        for s in cited {
            if !known.contains(s) {
                self.err(format!("{what} cites unknown source `{s}`"));
            }
        }
    }

    #[allow(clippy::too_many_lines)] // one check per effort figure, in file order
    fn effort(
        &mut self,
        raw: RawEffort,
        questions: &[Question],
        index: &BTreeMap<String, usize>,
    ) -> (EffortModel, Vec<Source>) {
        unique(
            &mut self.errors,
            "source",
            raw.source.iter().map(|s| s.id.as_str()),
        );
        let known: BTreeSet<String> = raw.source.iter().map(|s| s.id.clone()).collect();
        let mut figure_sources = BTreeMap::new();
        for (key, cited) in [
            ("capacity", &raw.capacity.sources),
            ("audit_cycle", &raw.audit_cycle.sources),
            ("foundation", &raw.foundation.sources),
            ("systems", &raw.systems.sources),
            ("range", &raw.range.sources),
        ] {
            self.sources_known(&format!("effort {key}"), cited, &known);
            figure_sources.insert(key.to_owned(), cited.clone());
        }
        let positive = |x: f64| x.is_finite() && x > 0.0;
        if !(positive(raw.capacity.low) && raw.capacity.low <= raw.capacity.high) {
            self.err("effort capacity: need 0 < low <= high");
        }
        if !(positive(raw.audit_cycle.days) && raw.audit_cycle.months >= 0.0) {
            self.err("effort audit_cycle: days must be above 0 and months not negative");
        }
        if !positive(raw.foundation.days_per_practice) {
            self.err("effort foundation: days_per_practice must be above 0");
        }
        if !(0.0..=1.0).contains(&raw.systems.additional_system_share) {
            self.err("effort systems: additional_system_share must be within 0..=1");
        }
        if !(positive(raw.range.low) && raw.range.low <= 1.0 && raw.range.high >= 1.0) {
            self.err("effort range: need 0 < low <= 1 <= high");
        }
        let systems_question = match index.get(&raw.systems.question) {
            Some(&qi) if questions[qi].kind == QuestionKind::Single => qi,
            _ => {
                self.err(format!(
                    "effort systems: `{}` is not a single-choice question",
                    raw.systems.question
                ));
                usize::MAX
            }
        };
        let mut system_counts = BTreeMap::new();
        for b in raw.systems.bucket {
            if b.count == 0 {
                self.err(format!(
                    "effort systems bucket `{}` counts 0 systems",
                    b.choice
                ));
            }
            system_counts.insert(b.choice, b.count);
        }
        if let Some(q) = questions.get(systems_question) {
            for c in &q.choices {
                if !system_counts.contains_key(&c.id) {
                    self.err(format!("effort systems: no bucket for choice `{}`", c.id));
                }
            }
            for k in system_counts.keys() {
                if !q.choices.iter().any(|c| &c.id == k) {
                    self.err(format!("effort systems: bucket `{k}` is not a choice"));
                }
            }
        }
        let mut factors = Vec::new();
        unique(
            &mut self.errors,
            "effort factor",
            raw.factor.iter().map(|f| f.id.as_str()),
        );
        for f in raw.factor {
            let what = format!("effort factor `{}`", f.id);
            self.sources_known(&what, &f.sources, &known);
            if !(f.multiplier.is_finite() && f.multiplier >= 1.0 && f.multiplier <= 3.0) {
                self.err(format!("{what}: multiplier must be within 1..=3"));
            }
            let when = self.condition(&what, &f.when, questions, index, questions.len());
            figure_sources.insert(format!("factor.{}", f.id), f.sources);
            factors.push(Factor {
                id: f.id,
                when,
                multiplier: f.multiplier,
            });
        }
        let sources = raw
            .source
            .into_iter()
            .map(|s| Source {
                id: s.id,
                title: s.title,
                publisher: s.publisher,
                date: s.date,
                note: s.note,
            })
            .collect();
        (
            EffortModel {
                capacity_low: raw.capacity.low,
                capacity_high: raw.capacity.high,
                audit_days: raw.audit_cycle.days,
                audit_months: raw.audit_cycle.months,
                foundation_days_per_practice: raw.foundation.days_per_practice,
                systems_question,
                system_counts,
                additional_system_share: raw.systems.additional_system_share,
                range_low: raw.range.low,
                range_high: raw.range.high,
                factors,
                sources: Vec::new(),
                figure_sources,
            },
            sources,
        )
    }

    #[allow(clippy::too_many_lines)] // one check per rule kind, in file order
    fn rules(
        &mut self,
        raw: RawRules,
        questions: &[Question],
        index: &BTreeMap<String, usize>,
        frameworks: &[Framework],
        requirement_index: &BTreeMap<String, usize>,
    ) -> Rules {
        let s = &raw.scoring;
        let credit = [
            s.not_in_place,
            s.in_place_not_effective,
            s.effective_not_provable,
            s.effective_and_provable,
        ];
        #[allow(clippy::float_cmp)] // exact bounds written in content
        let credit_ok =
            credit[0] == 0.0 && credit.windows(2).all(|w| w[0] <= w[1]) && credit[3] == 1.0;
        if !credit_ok {
            self.err("rules scoring: maturity credits must rise from 0 (not in place) to 1 (effective and provable)");
        }
        if raw.band.first().map(|b| b.min) != Some(0)
            || !raw.band.windows(2).all(|w| w[0].min < w[1].min)
            || raw.band.iter().any(|b| b.min > 100)
        {
            self.err("rules band: bands must start at 0 and rise strictly, up to 100");
        }
        if !(0.0..=1.0).contains(&raw.results.min_practice_share) {
            self.err("rules results: min_practice_share must be within 0..=1");
        }
        if !(0.0..=1.0).contains(&raw.foundation.min_effective_share) {
            self.err("rules foundation: min_effective_share must be within 0..=1");
        }
        unique(
            &mut self.errors,
            "warning",
            raw.warning.iter().map(|w| w.id.as_str()),
        );
        let warnings = raw
            .warning
            .into_iter()
            .map(|w| WarningRule {
                lead: w
                    .lead
                    .iter()
                    .filter_map(|id| {
                        let ri = requirement_index.get(id).copied();
                        if ri.is_none() {
                            self.err(format!(
                                "warning `{}` lead: unknown requirement `{id}`",
                                w.id
                            ));
                        }
                        ri
                    })
                    .collect(),
                when: self.condition(
                    &format!("warning `{}`", w.id),
                    &w.when,
                    questions,
                    index,
                    questions.len(),
                ),
                id: w.id,
                phase: w.phase,
            })
            .collect();
        let known_framework = |id: &str| frameworks.iter().any(|f| f.id == id);
        unique(
            &mut self.errors,
            "program",
            raw.program.iter().map(|p| p.framework.as_str()),
        );
        let mut programs = Vec::new();
        for p in raw.program {
            let what = format!("program `{}`", p.framework);
            if !known_framework(&p.framework) {
                self.err(format!("{what}: unknown framework"));
            }
            programs.push(ProgramRule {
                runs_when: self.condition(
                    &format!("{what} runs_when"),
                    &p.runs_when,
                    questions,
                    index,
                    questions.len(),
                ),
                attested_when: self.condition(
                    &format!("{what} attested_when"),
                    &p.attested_when,
                    questions,
                    index,
                    questions.len(),
                ),
                framework: p.framework,
            });
        }
        unique(
            &mut self.errors,
            "suggestion",
            raw.suggestion.iter().map(|x| x.id.as_str()),
        );
        let mut suggestions = Vec::new();
        for x in raw.suggestion {
            let what = format!("suggestion `{}`", x.id);
            if !known_framework(&x.framework) {
                self.err(format!("{what}: unknown framework `{}`", x.framework));
            }
            suggestions.push(SuggestionRule {
                when: self.condition(
                    &format!("{what} when"),
                    &x.when,
                    questions,
                    index,
                    questions.len(),
                ),
                id: x.id,
                framework: x.framework,
                family: x.family,
                answer: x.answer,
            });
        }
        Rules {
            programs,
            suggestions,
            maturity_credit: credit,
            bands: raw
                .band
                .into_iter()
                .map(|b| Band {
                    id: b.id,
                    min: b.min,
                })
                .collect(),
            foundation_min_effective_share: raw.foundation.min_effective_share,
            wins: raw.wins.count,
            min_practice_share: raw.results.min_practice_share,
            warnings,
        }
    }

    fn published(
        &mut self,
        raw: crate::content::raw::RawPublished,
        sources: &[Source],
        frameworks: &[Framework],
    ) -> Vec<PublishedFigure> {
        unique(
            &mut self.errors,
            "published figure",
            raw.figure.iter().map(|f| f.id.as_str()),
        );
        let mut out = Vec::new();
        for f in raw.figure {
            let what = format!("published figure `{}`", f.id);
            let Some(source) = sources.iter().position(|s| s.id == f.source) else {
                self.err(format!("{what} cites unknown source `{}`", f.source));
                continue;
            };
            if !matches!(f.basis.as_str(), "requirements" | "effort") {
                self.err(format!("{what}: basis must be `requirements` or `effort`"));
            }
            if !f
                .from
                .split('+')
                .all(|p| frameworks.iter().any(|fw| fw.id == p))
            {
                self.err(format!(
                    "{what}: from `{}` names an unknown framework",
                    f.from
                ));
            }
            if f.low > f.high || f.high > 100 {
                self.err(format!("{what}: need low <= high <= 100"));
            }
            self.text(&format!("{what} claim"), &f.claim);
            if let Some(url) = &f.url
                && !(url.starts_with("https://")
                    && url.len() > "https://".len()
                    && !url
                        .chars()
                        .any(|c| c.is_whitespace() || c.is_control() || c == '"'))
            {
                self.err(format!("{what}: url must be an https:// address"));
            }
            out.push(PublishedFigure {
                id: f.id,
                source,
                from: f.from,
                basis: f.basis,
                low: f.low,
                high: f.high,
                claim: f.claim,
                url: f.url,
            });
        }
        out
    }

    fn certification(
        &mut self,
        raw: crate::content::raw::RawCertification,
        effort_sources: &[Source],
    ) -> Certification {
        unique(
            &mut self.errors,
            "certification source",
            raw.source.iter().map(|s| s.id.as_str()),
        );
        let mut known: BTreeSet<String> = effort_sources.iter().map(|s| s.id.clone()).collect();
        for s in &raw.source {
            if !known.insert(s.id.clone()) {
                self.err(format!(
                    "certification source `{}` is also an effort source",
                    s.id
                ));
            }
        }
        unique(
            &mut self.errors,
            "milestone",
            raw.milestone.iter().map(|m| m.id.as_str()),
        );
        let mut milestones: Vec<Milestone> = Vec::new();
        for m in raw.milestone {
            let what = format!("milestone `{}`", m.id);
            self.sources_known(&what, &m.sources, &known);
            let after = if m.after == "roadmap" {
                None
            } else if let Some(i) = milestones.iter().position(|x| x.id == m.after) {
                Some(i)
            } else {
                self.err(format!(
                    "{what}: after `{}` is neither `roadmap` nor an earlier milestone",
                    m.after
                ));
                None
            };
            let offset = match (m.weeks, m.months) {
                (Some(w), None) if w > 0 => Offset::Weeks(w),
                (None, Some(n)) if n > 0 => Offset::Months(n),
                _ => {
                    self.err(format!(
                        "{what}: give exactly one of `weeks` or `months`, above 0"
                    ));
                    Offset::Weeks(1)
                }
            };
            milestones.push(Milestone {
                id: m.id,
                after,
                offset,
                sources: m.sources,
            });
        }
        if milestones.is_empty() {
            self.err("certification.toml: no milestone");
        }
        self.sources_known("reminders", &raw.reminders.sources, &known);
        let reminders_until = milestones
            .iter()
            .position(|m| m.id == raw.reminders.until)
            .unwrap_or_else(|| {
                self.err(format!(
                    "reminders: until `{}` is not a milestone",
                    raw.reminders.until
                ));
                0
            });
        if !(1..=5).contains(&raw.reminders.per_day) {
            self.err("reminders: per_day must be 1 to 5 (a handful a day at most)");
        }
        Certification {
            milestones,
            reminders_until,
            reminders_per_day: raw.reminders.per_day,
            sources: raw
                .source
                .into_iter()
                .map(|s| Source {
                    id: s.id,
                    title: s.title,
                    publisher: s.publisher,
                    date: s.date,
                    note: s.note,
                })
                .collect(),
        }
    }

    fn locales(
        &mut self,
        raw: BTreeMap<String, serde_json::Value>,
    ) -> BTreeMap<String, BTreeMap<String, String>> {
        let mut out = BTreeMap::new();
        for (locale, value) in raw {
            let mut flat = BTreeMap::new();
            flatten(&mut self.errors, &locale, "", &value, &mut flat);
            out.insert(locale, flat);
        }
        if !out.contains_key("en") {
            self.err("locales: English (`en`) is required");
        }
        out
    }
}

fn item_index(frameworks: &[Framework]) -> BTreeMap<String, ItemRef> {
    let mut map = BTreeMap::new();
    for (fi, fw) in frameworks.iter().enumerate() {
        for (ii, item) in fw.items.iter().enumerate() {
            map.insert(
                format!("{}:{}", fw.id, item.id),
                ItemRef {
                    framework: fi,
                    item: ii,
                },
            );
        }
    }
    map
}

fn flatten(
    errors: &mut Vec<String>,
    locale: &str,
    prefix: &str,
    value: &serde_json::Value,
    out: &mut BTreeMap<String, String>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(errors, locale, &key, v, out);
            }
        }
        serde_json::Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        serde_json::Value::Null
        | serde_json::Value::Bool(_)
        | serde_json::Value::Number(_)
        | serde_json::Value::Array(_) => {
            errors.push(format!(
                "locales/{locale}.toml: `{prefix}` must be a string"
            ));
        }
    }
}
