//! The widget ↔ host page message protocol (docs/embedding.md), as plain data.
//!
//! Every widget → host message is a JSON object `{source: "carryover", version: 1, type, …}`.
//! `src/embed.rs` posts what [`Message::to_json`] gives and feeds what arrives through
//! [`HostMessage::parse`]; the shapes and the rule "answers only to an explicit origin" live
//! here, where they are tested natively.

use serde_json::{Map, Value, json};

use crate::assess::budget::{Budget, round_amount};
use crate::embed::config::Summary;

/// `source` of every message the widget posts.
pub const SOURCE: &str = "carryover";
/// `source` the host must use when messaging the widget.
pub const HOST_SOURCE: &str = "carryover-host";
/// Protocol version.
pub const VERSION: u64 = 1;

/// A widget → host message.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The app is running and configured.
    Ready,
    /// The content's height changed (CSS pixels, rounded up).
    Height(u32),
    /// The respondent gave their first answer on this visit.
    Started,
    /// The respondent moved on from a section.
    SectionCompleted {
        /// Section id.
        section: String,
        /// 0-based position.
        index: usize,
    },
    /// The results screen was reached.
    Completed {
        /// Headline figures.
        summary: Summary,
        /// The answers (`{question id: answer}`), only when the site owner opted in.
        answers: Option<Value>,
        /// The year-one budget, only when the site owner opted in (`include_budget`) and money
        /// is shown: `{currency, low, high}`, rounded as on screen.
        budget: Option<Box<Budget>>,
    },
    /// The call to action was followed.
    CtaClicked {
        /// The link it opened.
        href: String,
    },
    /// Reply to a host `ping`.
    Pong,
}

impl Message {
    /// The `type` field.
    pub fn kind(&self) -> &'static str {
        match self {
            Message::Ready => "ready",
            Message::Height(_) => "height",
            Message::Started => "started",
            Message::SectionCompleted { .. } => "section_completed",
            Message::Completed { .. } => "completed",
            Message::CtaClicked { .. } => "cta_clicked",
            Message::Pong => "pong",
        }
    }

    /// True when the message carries answers (it may then only go to an explicit origin).
    pub fn has_answers(&self) -> bool {
        matches!(
            self,
            Message::Completed {
                answers: Some(_),
                ..
            }
        )
    }

    /// The message as posted.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("source".into(), SOURCE.into());
        m.insert("version".into(), VERSION.into());
        m.insert("type".into(), self.kind().into());
        match self {
            Message::Ready | Message::Started | Message::Pong => {}
            Message::Height(h) => {
                m.insert("height".into(), (*h).into());
            }
            Message::SectionCompleted { section, index } => {
                m.insert("section".into(), section.as_str().into());
                m.insert("index".into(), (*index).into());
            }
            Message::Completed {
                summary,
                answers,
                budget,
            } => {
                m.insert("band".into(), summary.band.as_str().into());
                m.insert("score".into(), summary.score.into());
                m.insert(
                    "days".into(),
                    json!({"low": summary.days_low, "high": summary.days_high}),
                );
                m.insert(
                    "months".into(),
                    json!({"low": summary.months_low, "high": summary.months_high}),
                );
                if let Some(answers) = answers {
                    m.insert("answers".into(), answers.clone());
                }
                if let Some(b) = budget {
                    m.insert(
                        "budget".into(),
                        json!({"currency": b.currency, "low": round_amount(b.total.low),
                               "high": round_amount(b.total.high)}),
                    );
                }
            }
            Message::CtaClicked { href } => {
                m.insert("href".into(), href.as_str().into());
            }
        }
        Value::Object(m)
    }

    /// The `targetOrigin` to post with: the configured origin, or `*` only for messages without
    /// answers (`None`: do not post at all).
    pub fn target<'a>(&self, origin: Option<&'a str>) -> Option<&'a str> {
        match origin {
            Some(origin) => Some(origin),
            None if self.has_answers() => None,
            None => Some("*"),
        }
    }
}

/// A host → widget message the widget understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostMessage {
    /// `{source: "carryover-host", version: 1, type: "ping"}`: the widget answers `pong` and
    /// posts its current height again.
    Ping,
}

impl HostMessage {
    /// The message, if `data` has exactly the expected shape (the caller has already checked the
    /// sender's origin).
    pub fn parse(data: &Value) -> Option<HostMessage> {
        let o = data.as_object()?;
        if o.len() != 3
            || o.get("source")?.as_str()? != HOST_SOURCE
            || o.get("version")?.as_u64()? != VERSION
        {
            return None;
        }
        match o.get("type")?.as_str()? {
            "ping" => Some(HostMessage::Ping),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary() -> Summary {
        Summary {
            band: "developing".into(),
            score: 47,
            days_low: 40,
            days_high: 65,
            months_low: 3.0,
            months_high: 5.5,
        }
    }

    #[test]
    fn messages_have_the_documented_shape() {
        for (m, want) in [
            (
                Message::Ready,
                json!({"source":"carryover","version":1,"type":"ready"}),
            ),
            (
                Message::Height(812),
                json!({"source":"carryover","version":1,"type":"height","height":812}),
            ),
            (
                Message::Started,
                json!({"source":"carryover","version":1,"type":"started"}),
            ),
            (
                Message::SectionCompleted {
                    section: "intake".into(),
                    index: 0,
                },
                json!({"source":"carryover","version":1,"type":"section_completed","section":"intake","index":0}),
            ),
            (
                Message::Completed {
                    summary: summary(),
                    answers: None,
                    budget: None,
                },
                json!({"source":"carryover","version":1,"type":"completed","band":"developing","score":47,
                       "days":{"low":40,"high":65},"months":{"low":3.0,"high":5.5}}),
            ),
            (
                Message::CtaClicked {
                    href: "https://a.example/?carryover_score=47".into(),
                },
                json!({"source":"carryover","version":1,"type":"cta_clicked","href":"https://a.example/?carryover_score=47"}),
            ),
            (
                Message::Pong,
                json!({"source":"carryover","version":1,"type":"pong"}),
            ),
        ] {
            assert_eq!(m.to_json(), want, "{}", m.kind());
        }
    }

    #[test]
    fn answers_only_to_an_explicit_origin() {
        let with = Message::Completed {
            summary: summary(),
            answers: Some(json!({"soc2":"type2"})),
            budget: None,
        };
        let without = Message::Completed {
            summary: summary(),
            answers: None,
            budget: None,
        };
        assert_eq!(with.target(None), None);
        assert_eq!(
            with.target(Some("https://a.example")),
            Some("https://a.example")
        );
        assert_eq!(without.target(None), Some("*"));
        assert_eq!(with.to_json()["answers"], json!({"soc2":"type2"}));
    }

    #[test]
    fn the_budget_goes_only_when_given() {
        let settings = crate::assess::budget::builtin()
            .expect("budget content is valid")
            .settings
            .clone();
        let effort = crate::assess::score::assess(
            crate::Catalog::builtin().expect("content is valid"),
            &crate::Answers::new(),
        )
        .effort;
        let b = crate::assess::budget::budget(&effort, &settings);
        let m = Message::Completed {
            summary: summary(),
            answers: None,
            budget: Some(Box::new(b.clone())),
        };
        let v = m.to_json();
        assert_eq!(v["budget"]["currency"], json!("USD"));
        assert_eq!(v["budget"]["low"], json!(round_amount(b.total.low)));
        assert_eq!(v["budget"]["high"], json!(round_amount(b.total.high)));
        assert!(!m.has_answers());
        assert_eq!(m.target(None), Some("*"));
    }

    #[test]
    fn host_messages_need_the_exact_shape() {
        let ping = json!({"source":"carryover-host","version":1,"type":"ping"});
        assert_eq!(HostMessage::parse(&ping), Some(HostMessage::Ping));
        for bad in [
            json!({"source":"carryover","version":1,"type":"ping"}),
            json!({"source":"carryover-host","version":2,"type":"ping"}),
            json!({"source":"carryover-host","version":1,"type":"reset"}),
            json!({"source":"carryover-host","version":1,"type":"ping","extra":true}),
            json!("ping"),
            json!(null),
            json!([1, 2]),
        ] {
            assert_eq!(HostMessage::parse(&bad), None, "{bad}");
        }
    }
}
