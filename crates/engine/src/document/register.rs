//! The AI system register (issue 16): the respondent's AI systems, one by one, kept in the answers
//! document under the optional `register` object.
//!
//! ```json
//! "register": {
//!   "systems": [
//!     { "id": "k3x9a", "name": "CV screener", "owner": "HR", "changed": 1764460000000,
//!       "roles": ["user", "customer"], "affects_people": "yes", "annex_iii": "employment" }
//!   ],
//!   "removed": { "p2b7c": 1764460100000 },
//!   "order_changed": 1764460000000
//! }
//! ```
//!
//! Each system has a stable `id` (made by the app), a free-text `name` and `owner` (any Unicode, at
//! most [`MAX_NAME_CHARS`] characters; escaped wherever they are shown), the time it was last
//! changed, and its answers to the register questions of `content/register.toml` (single questions
//! as a string, multi questions as a list). `removed` remembers when a system was removed, so a
//! merge with another tab's older copy does not bring it back; `order_changed` is when the list
//! was last reordered. A document without `register` is a document with an empty register: older
//! documents load unchanged and the organisation-level answers work alone (the version stays 1, as
//! a reader that ignores the field loses nothing).
//!
//! Reading never fails on a register: anything that does not fit (an unknown question or choice,
//! a system beyond [`MAX_SYSTEMS`], a malformed entry) is kept verbatim and written back, with an
//! [`Issue`](crate::document::answers::Issue), exactly like answers that do not fit.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::content::triage_rules::{FieldKind, Rules};
use crate::document::issue::Issue;
use crate::model::text::Wording;

/// Most systems a register holds (said on screen). Assumption: a register is for the systems an
/// ISO/IEC 42001 scope names one by one; beyond this the bucket question is the better tool.
pub const MAX_SYSTEMS: usize = 50;
/// Longest name or owner, in characters (said on screen).
pub const MAX_NAME_CHARS: usize = 80;
/// Removal records kept for merging (the oldest are dropped beyond this).
pub const MAX_REMOVED: usize = 200;

/// One AI system.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct System {
    /// Stable id, made by the app when the system is added.
    pub id: String,
    /// Name, as typed (at most [`MAX_NAME_CHARS`] characters).
    pub name: String,
    /// Who owns it, as typed (at most [`MAX_NAME_CHARS`] characters; may be empty).
    pub owner: String,
    /// Register answers: question id → chosen choice ids (one for single questions).
    pub facts: BTreeMap<String, Vec<String>>,
    /// When it was last changed (milliseconds since the Unix epoch; 0 when unknown).
    pub changed: u64,
    /// Entries of this system that did not fit, kept verbatim and written back.
    pub extra: BTreeMap<String, Value>,
}

impl System {
    /// The chosen choices of a register question (empty when unanswered).
    pub fn fact(&self, field: &str) -> &[String] {
        self.facts.get(field).map_or(&[], Vec::as_slice)
    }

    /// A system with this id and name and nothing else answered.
    pub fn named(id: &str, name: &str) -> System {
        System {
            id: id.to_owned(),
            name: clip(name),
            ..System::default()
        }
    }
}

/// The register: systems in the respondent's order, plus what merging needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Register {
    /// The systems, in the order the respondent gave them.
    pub systems: Vec<System>,
    /// When each removed system was removed, by id.
    pub removed: BTreeMap<String, u64>,
    /// When the order was last changed (0 when never).
    pub order_changed: u64,
    /// Systems that did not fit (beyond [`MAX_SYSTEMS`], or not an object with an id), verbatim.
    pub rejected: Vec<Value>,
}

/// What a register edit was refused for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditError {
    /// The register already holds [`MAX_SYSTEMS`] systems.
    Full,
    /// No system has that id.
    Unknown,
}

impl Register {
    /// True when there are no systems.
    pub fn is_empty(&self) -> bool {
        self.systems.is_empty()
    }

    /// Number of systems.
    pub fn len(&self) -> usize {
        self.systems.len()
    }

    /// The system with this id.
    pub fn get(&self, id: &str) -> Option<&System> {
        self.systems.iter().find(|s| s.id == id)
    }

    /// An id not used by any system or removal record, made from the time and a counter.
    pub fn new_id(&self, now: u64) -> String {
        let mut n = now;
        loop {
            let id = base36(n);
            if self.get(&id).is_none() && !self.removed.contains_key(&id) {
                return id;
            }
            n = n.wrapping_add(1);
        }
    }

    /// Adds a system at the end (its name clipped to [`MAX_NAME_CHARS`]).
    pub fn add(&mut self, mut system: System, now: u64) -> Result<(), EditError> {
        if self.systems.len() >= MAX_SYSTEMS {
            return Err(EditError::Full);
        }
        system.name = clip(&system.name);
        system.owner = clip(&system.owner);
        system.changed = now;
        self.removed.remove(&system.id);
        self.systems.push(system);
        Ok(())
    }

    /// Replaces the system with the same id (name and owner clipped).
    pub fn update(&mut self, mut system: System, now: u64) -> Result<(), EditError> {
        let slot = self
            .systems
            .iter_mut()
            .find(|s| s.id == system.id)
            .ok_or(EditError::Unknown)?;
        system.name = clip(&system.name);
        system.owner = clip(&system.owner);
        system.changed = now;
        *slot = system;
        Ok(())
    }

    /// Removes a system, remembering when (so a merge does not bring it back).
    pub fn remove(&mut self, id: &str, now: u64) -> Result<System, EditError> {
        let at = self
            .systems
            .iter()
            .position(|s| s.id == id)
            .ok_or(EditError::Unknown)?;
        let system = self.systems.remove(at);
        self.removed.insert(system.id.clone(), now);
        trim_removed(&mut self.removed);
        Ok(system)
    }

    /// Moves a system one place up (`-1`) or down (`1`); out-of-range moves change nothing.
    pub fn shift(&mut self, id: &str, by: isize, now: u64) -> Result<(), EditError> {
        let at = self
            .systems
            .iter()
            .position(|s| s.id == id)
            .ok_or(EditError::Unknown)?;
        let to = at
            .checked_add_signed(by)
            .filter(|t| *t < self.systems.len());
        if let Some(to) = to {
            self.systems.swap(at, to);
            self.order_changed = now;
        }
        Ok(())
    }
}

fn trim_removed(removed: &mut BTreeMap<String, u64>) {
    while removed.len() > MAX_REMOVED {
        let oldest = removed
            .iter()
            .min_by_key(|(id, t)| (**t, (*id).clone()))
            .map(|(id, _)| id.clone());
        match oldest {
            Some(id) => {
                removed.remove(&id);
            }
            None => break,
        }
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The text cut to [`MAX_NAME_CHARS`] characters.
pub fn clip(text: &str) -> String {
    text.chars().take(MAX_NAME_CHARS).collect()
}

#[allow(clippy::needless_pass_by_value)] // callers build the path on the spot
fn issue(path: String, reason: Wording) -> Issue {
    Issue::new(path, reason)
}

/// The words of a register issue.
fn message(key: &str, args: &[(&str, &str)]) -> Wording {
    Wording::new(key, args)
}

/// Reads the `register` field of a document (`None`: absent). Never fails: see the module docs.
pub fn read(
    rules: &Rules,
    value: Option<Value>,
    issues: &mut Vec<Issue>,
) -> (Register, Option<Value>) {
    let mut register = Register::default();
    let obj = match value {
        None | Some(Value::Null) => return (register, None),
        Some(Value::Object(obj)) => obj,
        Some(other) => {
            issues.push(issue(
                "register".into(),
                message("register.issue.not_object", &[]),
            ));
            return (register, Some(other));
        }
    };
    for (key, value) in obj {
        match (key.as_str(), value) {
            ("systems", Value::Array(items)) => {
                for (i, item) in items.into_iter().enumerate() {
                    let path = format!("register.systems.{i}");
                    if register.systems.len() >= MAX_SYSTEMS {
                        issues.push(issue(
                            path,
                            message(
                                "register.issue.too_many",
                                &[("limit", &MAX_SYSTEMS.to_string())],
                            ),
                        ));
                        register.rejected.push(item);
                        continue;
                    }
                    match read_system(rules, item, &path, issues) {
                        Ok(s) if register.get(&s.id).is_none() => register.systems.push(s),
                        Ok(s) => {
                            issues.push(issue(path, message("register.issue.duplicate", &[])));
                            register.rejected.push(write_system(rules, &s));
                        }
                        Err(item) => register.rejected.push(item),
                    }
                }
            }
            ("removed", Value::Object(times)) => {
                for (id, t) in times {
                    if let Some(t) = t.as_u64() {
                        register.removed.insert(id, t);
                    }
                }
                trim_removed(&mut register.removed);
            }
            ("order_changed", v) if v.as_u64().is_some() => {
                register.order_changed = v.as_u64().unwrap_or(0);
            }
            ("rejected", Value::Array(items)) => register.rejected.extend(items),
            (_, value) => {
                issues.push(issue(
                    format!("register.{key}"),
                    message("register.issue.unknown", &[]),
                ));
                register.rejected.push(Value::Object(
                    [(key.clone(), value)].into_iter().collect::<Map<_, _>>(),
                ));
            }
        }
    }
    (register, None)
}

fn read_system(
    rules: &Rules,
    item: Value,
    path: &str,
    issues: &mut Vec<Issue>,
) -> Result<System, Value> {
    let Value::Object(obj) = item else {
        issues.push(issue(path.into(), message("register.issue.system", &[])));
        return Err(item);
    };
    let Some(Value::String(id)) = obj.get("id").cloned() else {
        issues.push(issue(path.into(), message("register.issue.system", &[])));
        return Err(Value::Object(obj));
    };
    let mut system = System {
        id,
        ..System::default()
    };
    for (key, value) in obj {
        let here = format!("{path}.{key}");
        match (key.as_str(), &value) {
            ("id", _) => {}
            ("name" | "owner", Value::String(text)) => {
                if text.chars().count() > MAX_NAME_CHARS {
                    issues.push(issue(
                        here,
                        message(
                            "register.issue.clipped",
                            &[("limit", &MAX_NAME_CHARS.to_string())],
                        ),
                    ));
                    system.extra.insert(format!("{key}_full"), value.clone());
                }
                if key == "name" {
                    system.name = clip(text);
                } else {
                    system.owner = clip(text);
                }
            }
            ("changed", v) if v.as_u64().is_some() => system.changed = v.as_u64().unwrap_or(0),
            _ => {
                if let Some(choices) = rules.field(&key).and_then(|f| fact_of(f, &value)) {
                    system.facts.insert(key, choices);
                } else {
                    issues.push(issue(here, message("register.issue.unknown", &[])));
                    system.extra.insert(key, value);
                }
            }
        }
    }
    Ok(system)
}

/// The choices of a field's value when they fit the field (known choices, the right shape).
fn fact_of(field: &crate::content::triage_rules::Field, value: &Value) -> Option<Vec<String>> {
    let known = |c: &str| field.choices.iter().any(|k| k == c);
    match (field.kind, value) {
        (FieldKind::Single, Value::String(c)) if known(c) => Some(vec![c.clone()]),
        (FieldKind::Multi, Value::Array(items)) => {
            let mut out: Vec<String> = Vec::new();
            for item in items {
                match item {
                    Value::String(c) if known(c) => {
                        if !out.contains(c) {
                            out.push(c.clone());
                        }
                    }
                    _ => return None,
                }
            }
            // Stable order: the field's own choice order.
            out.sort_by_key(|c| field.choices.iter().position(|k| k == c));
            Some(out)
        }
        _ => None,
    }
}

fn write_system(rules: &Rules, s: &System) -> Value {
    let mut obj = Map::new();
    obj.insert("id".into(), Value::String(s.id.clone()));
    obj.insert("name".into(), Value::String(s.name.clone()));
    if !s.owner.is_empty() {
        obj.insert("owner".into(), Value::String(s.owner.clone()));
    }
    if s.changed > 0 {
        obj.insert("changed".into(), Value::from(s.changed));
    }
    for (key, choices) in &s.facts {
        let single = rules
            .field(key)
            .is_some_and(|f| f.kind == FieldKind::Single);
        let value = match (single, choices.as_slice()) {
            (true, [one]) => Value::String(one.clone()),
            _ => Value::Array(choices.iter().cloned().map(Value::String).collect()),
        };
        obj.insert(key.clone(), value);
    }
    for (k, v) in &s.extra {
        obj.entry(k.clone()).or_insert_with(|| v.clone());
    }
    Value::Object(obj)
}

/// The register as it is written in a document (`None` when there is nothing to write, so
/// documents without a register stay exactly as they were).
pub fn write(rules: &Rules, register: &Register) -> Option<Value> {
    if register.systems.is_empty()
        && register.removed.is_empty()
        && register.rejected.is_empty()
        && register.order_changed == 0
    {
        return None;
    }
    let mut obj = Map::new();
    obj.insert(
        "systems".into(),
        Value::Array(
            register
                .systems
                .iter()
                .map(|s| write_system(rules, s))
                .collect(),
        ),
    );
    if !register.removed.is_empty() {
        obj.insert(
            "removed".into(),
            Value::Object(
                register
                    .removed
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from(*v)))
                    .collect(),
            ),
        );
    }
    if register.order_changed > 0 {
        obj.insert("order_changed".into(), Value::from(register.order_changed));
    }
    if !register.rejected.is_empty() {
        obj.insert("rejected".into(), Value::Array(register.rejected.clone()));
    }
    Some(Value::Object(obj))
}

/// One side's claim on a system in a merge.
#[derive(Clone)]
enum Claim<'a> {
    Keep(&'a System),
    Gone(u64),
}

fn claims<'r>(r: &'r Register, counts: &dyn Fn(u64) -> bool, id: &str) -> Vec<Claim<'r>> {
    let mut out = Vec::new();
    if let Some(s) = r.get(id).filter(|s| counts(s.changed)) {
        out.push(Claim::Keep(s));
    }
    if let Some(t) = r.removed.get(id).filter(|t| counts(**t)) {
        out.push(Claim::Gone(*t));
    }
    out
}

/// The result of [`merge`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedRegister {
    /// The merged register.
    pub register: Register,
    /// Systems of ours that the result does not hold as we had them.
    pub lost_ours: usize,
    /// Systems of theirs that the result does not hold as they had them.
    pub lost_theirs: usize,
}

/// Merges two copies of the register, per system, like [`crate::document::merge::merge`] does per question:
/// a side's entries count only when that side holds the latest replace or they changed after it;
/// per system the later of its edits and removals wins (a tie keeps the system, so a tie never
/// loses one); the order comes from the side that reordered last, systems it does not list are
/// appended in the other side's order. Nothing is lost silently: systems that lose are counted.
pub fn merge(
    ours: &Register,
    theirs: &Register,
    ours_counts: &dyn Fn(u64) -> bool,
    theirs_counts: &dyn Fn(u64) -> bool,
) -> MergedRegister {
    let time = |c: &Claim<'_>| match c {
        Claim::Keep(s) => s.changed,
        Claim::Gone(t) => *t,
    };
    let mut ids: Vec<&str> = Vec::new();
    let ours_first = ours.order_changed > theirs.order_changed;
    let (first, second) = if ours_first {
        (ours, theirs)
    } else {
        (theirs, ours)
    };
    for id in first
        .systems
        .iter()
        .chain(&second.systems)
        .map(|s| s.id.as_str())
        .chain(ours.removed.keys().map(String::as_str))
        .chain(theirs.removed.keys().map(String::as_str))
    {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let mut out = Register {
        order_changed: ours.order_changed.max(theirs.order_changed),
        rejected: theirs.rejected.clone(),
        ..Register::default()
    };
    for r in &ours.rejected {
        if !out.rejected.contains(r) {
            out.rejected.push(r.clone());
        }
    }
    let (mut lost_ours, mut lost_theirs) = (0, 0);
    for id in ids {
        let mut all = claims(ours, ours_counts, id);
        all.extend(claims(theirs, theirs_counts, id));
        let winner = all.into_iter().reduce(|a, b| {
            let (ta, tb) = (time(&a), time(&b));
            let a_wins = match ta.cmp(&tb) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => match (&a, &b) {
                    (Claim::Keep(x), Claim::Keep(y)) => {
                        format!("{:?}", (&x.name, &x.owner, &x.facts))
                            >= format!("{:?}", (&y.name, &y.owner, &y.facts))
                    }
                    (Claim::Keep(_) | Claim::Gone(_), Claim::Gone(_)) => true,
                    (Claim::Gone(_), Claim::Keep(_)) => false,
                },
            };
            if a_wins { a } else { b }
        });
        let kept = match winner {
            Some(Claim::Keep(s)) => {
                out.systems.push(s.clone());
                Some(s)
            }
            Some(Claim::Gone(t)) => {
                out.removed.insert(id.to_owned(), t);
                None
            }
            None => None,
        };
        if let Some(s) = ours.get(id)
            && kept != Some(s)
        {
            lost_ours += 1;
        }
        if let Some(s) = theirs.get(id)
            && kept != Some(s)
        {
            lost_theirs += 1;
        }
    }
    // Two tabs may together hold more than MAX_SYSTEMS: all are kept (adding is refused).
    trim_removed(&mut out.removed);
    MergedRegister {
        register: out,
        lost_ours,
        lost_theirs,
    }
}
