//! The Cost tab's estimate: one line per service at the current inputs, cheapest first, with
//! its key on the chart, its monthly total and a bar; a service that does not fit says why.
//! Amounts are never cut: exact to the cent when the column allows, else rounded with `~` and a
//! line saying so.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::theme::Theme;
use super::legend::key;
use crate::app::CostView;
use crate::cost::{ROUNDED, fit_money, format_money};
use crate::text::short_name;
use crate::text::{width, wrap};

/// Mark, key and a space before the name.
const KEY_WIDTH: usize = 4;
/// The longest short name (`Elastic Beanstalk`) and a space.
const NAME_WIDTH: usize = 18;
/// The fewest cells of bar worth drawing beside the table.
const MIN_BAR: usize = 3;

/// The estimate's lines before they are cut to a height.
pub struct Table {
    head: Vec<Line<'static>>,
    /// Each service's line, and the rest of a reason or a warning under it.
    rows: Vec<(Line<'static>, Vec<(String, Style)>)>,
    /// "≈ about the same as …", after the services that fit.
    same_line: Option<Line<'static>>,
    fitting: usize,
    tail: Vec<Line<'static>>,
}

/// The widest exact amount in the estimate (`$108.86`).
fn amount_width(view: &CostView) -> usize {
    view.estimate
        .iter()
        .flat_map(|e| &e.services)
        .filter_map(|s| s.total)
        .map(|t| width(&format_money(t)))
        .max()
        .unwrap_or(0)
}

/// The width the table needs to show every amount exact, with a little bar.
pub fn min_width(view: &CostView) -> usize {
    KEY_WIDTH + NAME_WIDTH + amount_width(view) + 1 + MIN_BAR + 1
}

impl Table {
    /// The lines every service needs: heading, one per service, the notes about them.
    pub fn min_height(&self) -> usize {
        self.head.len() + self.rows.len() + usize::from(self.same_line.is_some()) + self.tail.len()
    }

    /// The lines with every reason and warning whole.
    pub fn full_height(&self) -> usize {
        self.min_height() + self.rows.iter().map(|(_, rest)| rest.len()).sum::<usize>()
    }

    /// The lines in `height` rows: every service, and as much of each reason as fits.
    pub fn lines(self, height: usize) -> Vec<Line<'static>> {
        let mut spare = height.saturating_sub(self.min_height());
        let mut lines = self.head;
        let mut same_line = self.same_line;
        for (row, (line, rest)) in self.rows.into_iter().enumerate() {
            if row == self.fitting {
                lines.extend(same_line.take());
            }
            lines.push(line);
            let shown = rest.len().min(spare);
            spare -= shown;
            for (i, (l, style)) in rest.iter().take(shown).enumerate() {
                // Out of rows before the reason ends: say so where it stops.
                let text = if i + 1 == shown && shown < rest.len() {
                    format!("{l} …")
                } else {
                    l.clone()
                };
                lines.push(Line::styled(format!("{:KEY_WIDTH$}{text}", ""), *style));
            }
        }
        lines.extend(same_line);
        lines.extend(self.tail);
        lines
    }
}

/// The estimate laid out for `width` cells.
pub fn build(view: &CostView, theme: Theme, width: usize) -> Table {
    let mut table = Table {
        head: vec![Line::styled(" Monthly estimate", theme.heading())],
        rows: Vec::new(),
        same_line: None,
        fitting: 0,
        tail: Vec::new(),
    };
    let Some(estimate) = &view.estimate else {
        return table;
    };
    if let Some(error) = &view.error {
        // Wrapped, so a long message (a value past the largest the estimator takes) is read whole.
        for l in wrap(error, width.saturating_sub(1).max(10))
            .into_iter()
            .take(3)
        {
            table
                .head
                .push(Line::styled(format!(" {l}"), theme.negative()));
        }
        table.head.push(Line::styled(
            " (showing the last values that worked)",
            theme.dim(),
        ));
    }
    let max = estimate
        .services
        .iter()
        .filter_map(|s| s.total)
        .fold(0.0, f64::max);
    // The amounts' column: exact when the width allows, else what is left (rounded to fit).
    let amount_width = amount_width(view).min(width.saturating_sub(KEY_WIDTH + NAME_WIDTH + 1));
    let bar_room = width.saturating_sub(KEY_WIDTH + NAME_WIDTH + amount_width + 2);
    let names = view
        .sweep
        .as_ref()
        .map(|s| s.names.as_slice())
        .unwrap_or(&[]);
    let indent = KEY_WIDTH + NAME_WIDTH;
    // Services within 10% of the cheapest are marked `≈`, and a line under the list says so.
    let close: Vec<&str> = estimate
        .about_the_same()
        .iter()
        .map(|s| s.service.as_str())
        .collect();
    table.same_line = estimate.cheapest().filter(|_| !close.is_empty()).map(|c| {
        Line::styled(
            format!(" ≈ about the same as {} (within 10%)", short_name(&c.name)),
            theme.dim(),
        )
    });
    let mut rounded = false;
    for (i, s) in estimate.services.iter().enumerate() {
        let name = short_name(&s.name);
        // The service's line on the chart, as its key: `─L` in its colour or its letter.
        let (sample, key_style) =
            key(names, &s.name, theme).unwrap_or_else(|| ("  ".into(), Style::default()));
        let Some(total) = s.total else {
            let reason = s.reason.clone().unwrap_or_else(|| "does not fit".into());
            // The first line beside the name; the rest under it, from the name's column.
            let room = width.saturating_sub(indent).max(8);
            let text = format!("does not fit: {reason}");
            let first = wrap(&text, room).into_iter().next().unwrap_or_default();
            let rest = text.get(first.len()..).unwrap_or_default().trim_start();
            let wrapped = wrap(rest, width.saturating_sub(KEY_WIDTH).max(8));
            let line = Line::from(vec![
                Span::raw(" "),
                Span::styled(sample, key_style),
                Span::raw(format!(" {name:<NAME_WIDTH$}")),
                Span::styled(first, theme.dim()),
            ]);
            let rest = wrapped.into_iter().map(|l| (l, theme.dim())).collect();
            table.rows.push((line, rest));
            continue;
        };
        table.fitting += 1;
        // In eighths of a cell, as the result's score bars: close totals still differ.
        let eighths = if max > 0.0 {
            (total / max * (bar_room * 8) as f64).round() as usize
        } else {
            0
        };
        let mark = if i == 0 {
            "★"
        } else if close.contains(&s.service.as_str()) {
            "≈"
        } else {
            " "
        };
        // Too narrow for any honest form is not reached at the app's minimum width; the exact
        // amount is drawn then, and the screen's edge shows where it goes on.
        let amount = fit_money(total, amount_width).map_or_else(
            || format_money(total),
            |f| {
                rounded |= f.rounded;
                f.text
            },
        );
        let line = Line::from(vec![
            Span::raw(mark),
            Span::styled(sample, key_style),
            Span::raw(format!(" {name:<NAME_WIDTH$}")),
            Span::styled(format!("{amount:>amount_width$} "), theme.heading()),
            Span::styled(
                crate::ui::bars::text(eighths.max(usize::from(total > 0.0 && bar_room > 0))),
                theme.positive(),
            ),
        ]);
        // A warning (a quota passed) as `! …` under the service, as far as rows allow.
        let warned = s
            .warnings
            .iter()
            .flat_map(|w| wrap(&format!("! {w}"), width.saturating_sub(KEY_WIDTH).max(8)))
            .map(|l| (l, theme.negative()))
            .collect();
        table.rows.push((line, warned));
    }
    if rounded {
        table.tail.push(Line::styled(
            format!(" {ROUNDED} rounded to fit: a wider terminal shows cents"),
            theme.dim(),
        ));
    }
    table
}
