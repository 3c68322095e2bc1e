//! Chart geometry as plain Rust: where bars, segments and labels go. The results components only
//! draw `<svg>` elements at the positions computed here, so the arithmetic is unit-tested natively
//! and no view decides a size or a rounding rule.
//!
//! Horizontal positions are percentages of the chart's width (SVG resolves `x="40%"` against the
//! drawing's width), so one drawing fits a 360 px phone and a desktop without scaling its text.
//! Vertical positions are pixels.

/// Height of one labelled row in a bar chart: a line of text, then the bar.
pub const ROW_HEIGHT: f64 = 46.0;
/// Vertical offset of the bar inside its row (below the label line).
pub const BAR_OFFSET: f64 = 22.0;
/// Height of a bar.
pub const BAR_HEIGHT: f64 = 16.0;
/// Baseline of the label text inside its row.
pub const LABEL_BASELINE: f64 = 15.0;
/// Above this width (percent) a value label sits inside the bar's end instead of after it.
pub const INSIDE_LABEL_MIN: f64 = 82.0;
/// Segments narrower than this (percent) carry no in-bar label; the legend and table have it.
pub const SEGMENT_LABEL_MIN: f64 = 7.0;

// A row holds its label line above its bar, without overlap.
const _: () = assert!(BAR_OFFSET + BAR_HEIGHT <= ROW_HEIGHT && LABEL_BASELINE < BAR_OFFSET);

/// Which side of its anchor point a label's text extends to (SVG `text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at the point (`start`).
    Start,
    /// Text is centred on the point (`middle`).
    Middle,
    /// Text ends at the point (`end`).
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One horizontal bar of a 0–100 score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreBar {
    /// Bar width, percent of the track (0 when there is no score).
    pub width: f64,
    /// Value label position, percent of the track.
    pub label_x: f64,
    /// Pixel nudge from `label_x` (away from the bar end, or back inside it).
    pub label_dx: f64,
    /// How the value label hangs off its position.
    pub anchor: Anchor,
    /// Whether the label is drawn on the bar (needs the on-bar text colour).
    pub label_inside: bool,
}

/// Geometry of a score bar. `None` (nothing in the area applies) draws no bar and puts the label
/// at the start of the track.
pub fn score_bar(score: Option<u8>) -> ScoreBar {
    let Some(score) = score else {
        return ScoreBar {
            width: 0.0,
            label_x: 0.0,
            label_dx: 0.0,
            anchor: Anchor::Start,
            label_inside: false,
        };
    };
    let width = f64::from(score.min(100));
    if width >= INSIDE_LABEL_MIN {
        ScoreBar {
            width,
            label_x: width,
            label_dx: -6.0,
            anchor: Anchor::End,
            label_inside: true,
        }
    } else {
        ScoreBar {
            width,
            label_x: width,
            label_dx: 6.0,
            anchor: Anchor::Start,
            label_inside: false,
        }
    }
}

/// Top of row `index` in a bar chart, pixels.
pub fn row_top(index: usize) -> f64 {
    index as f64 * ROW_HEIGHT
}

/// Total height of a bar chart with `rows` rows, pixels.
pub fn chart_height(rows: usize) -> f64 {
    rows as f64 * ROW_HEIGHT
}

/// One segment of a stacked 100 % bar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// Index of the part in the input.
    pub part: usize,
    /// The part's count.
    pub count: usize,
    /// Left edge, percent.
    pub x: f64,
    /// Width, percent.
    pub width: f64,
    /// Centre, percent (where an in-bar label goes).
    pub label_x: f64,
    /// Whether the segment is wide enough for an in-bar label.
    pub labelled: bool,
}

/// Splits a 100 % bar among `counts`, left to right, in input order. Widths are exact shares of
/// the total (they add up to 100, whatever percentages a table shows after rounding); empty parts
/// get no segment. All zero gives no segments.
pub fn stacked(counts: &[usize]) -> Vec<Segment> {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return Vec::new();
    }
    let mut x = 0.0;
    let mut out = Vec::new();
    for (part, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let width = 100.0 * count as f64 / total as f64;
        out.push(Segment {
            part,
            count,
            x,
            width,
            label_x: x + width / 2.0,
            labelled: width >= SEGMENT_LABEL_MIN,
        });
        x += width;
    }
    out
}

/// An SVG percentage attribute value (`"42.5%"`), at most two decimals.
pub fn pct_attr(x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    format!("{rounded}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn score_bar_width_is_the_score_and_the_label_follows_it() {
        let check = |score: Option<u8>, width: f64, anchor: Anchor, inside: bool| {
            let bar = score_bar(score);
            assert!(close(bar.width, width), "{score:?}: width {}", bar.width);
            assert_eq!(bar.anchor, anchor, "{score:?}");
            assert_eq!(bar.label_inside, inside, "{score:?}");
            assert!(close(bar.label_x, width));
        };
        check(None, 0.0, Anchor::Start, false);
        check(Some(0), 0.0, Anchor::Start, false);
        check(Some(44), 44.0, Anchor::Start, false);
        check(Some(81), 81.0, Anchor::Start, false);
        check(Some(82), 82.0, Anchor::End, true);
        check(Some(100), 100.0, Anchor::End, true);
        check(Some(250), 100.0, Anchor::End, true);
    }

    #[test]
    fn label_nudge_points_away_from_the_bar_end_outside_and_back_inside() {
        assert!(score_bar(Some(10)).label_dx > 0.0);
        assert!(score_bar(Some(95)).label_dx < 0.0);
    }

    #[test]
    fn rows_stack_downwards_without_overlap() {
        assert!(close(row_top(0), 0.0));
        assert!(close(row_top(3), 3.0 * ROW_HEIGHT));
        assert!(close(chart_height(16), 16.0 * ROW_HEIGHT));
    }

    #[test]
    fn stacked_segments_fill_exactly_100_in_order_and_skip_empty_parts() {
        // 0 inherited, 28 extend, 4 net-new, 0 n/a: the shares shown rounded are 88 % and 13 %
        // (101 %), but the bar must still end at exactly 100.
        let segs = stacked(&[0, 28, 4, 0]);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].part, 1);
        assert_eq!(segs[1].part, 2);
        assert!(close(segs[0].x, 0.0));
        assert!(close(segs[0].width, 87.5));
        assert!(close(segs[1].x, 87.5));
        assert!(close(segs[1].x + segs[1].width, 100.0));
        assert!(close(segs[1].label_x, 87.5 + 6.25));
    }

    #[test]
    fn stacked_segments_are_contiguous_for_any_counts() {
        for counts in [[1, 1, 1, 1], [5, 0, 3, 30], [0, 0, 0, 7], [13, 2, 9, 14]] {
            let segs = stacked(&counts);
            let mut x = 0.0;
            for s in &segs {
                assert!(close(s.x, x), "{counts:?}");
                assert!(s.width > 0.0);
                x += s.width;
            }
            assert!(close(x, 100.0), "{counts:?}");
        }
    }

    #[test]
    fn narrow_segments_carry_no_label() {
        let segs = stacked(&[1, 30, 0, 0]);
        assert!(!segs[0].labelled, "1 of 31 is about 3 %");
        assert!(segs[1].labelled);
    }

    #[test]
    fn nothing_to_stack_gives_no_segments() {
        assert!(stacked(&[0, 0, 0, 0]).is_empty());
        assert!(stacked(&[]).is_empty());
    }

    #[test]
    fn percentage_attributes_are_short() {
        assert_eq!(pct_attr(87.5), "87.5%");
        assert_eq!(pct_attr(100.0 / 3.0), "33.33%");
        assert_eq!(pct_attr(0.0), "0%");
    }
}
