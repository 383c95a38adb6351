//! The header line and the key-hint footer shared by every screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::{App, Clickable, Screen, Tab, ViewState};
use crate::keys::{self, Action, Context};
use crate::text::width;

/// The tab bar: the app's name, the tabs (current one reversed, so it shows without colour),
/// and where the user is.
pub fn header(app: &App, state: &mut ViewState, theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::styled(" computepick ", theme.title())];
    let mut x = area.x + 13;
    for (i, tab) in Tab::ALL.iter().enumerate() {
        // No number on the tab: digits answer questions; tabs are Tab/Shift-Tab and Alt-1..4
        // everywhere, which the footer and `?` say.
        let label = format!(" {} ", tab.title());
        let style = if *tab == app.tab {
            theme.selected()
        } else {
            theme.dim()
        };
        let w = u16::try_from(width(&label)).unwrap_or(0);
        x += 1;
        let hit = Rect {
            x,
            y: area.y,
            width: w,
            height: 1,
        }
        .intersection(area);
        state.hits.add(hit, Clickable::Tab(i), false);
        x += w;
        spans.push(Span::raw(" "));
        spans.push(Span::styled(label, style));
    }
    let place = match (app.tab, &app.screen) {
        (Tab::Guide, Screen::Question { position, .. }) => {
            format!(
                "Question {} of {}",
                position + 1,
                app.path_questions().len()
            )
        }
        (Tab::Guide, Screen::Result { .. }) => "Recommendation".to_owned(),
        (Tab::Compare, _) => format!("{} services", app.compare.chosen.len()),
        (Tab::Search, _) => String::new(),
        (Tab::Cost, _) => format!("prices {}", app.cost.model.region()),
    };
    let right = if place.is_empty() {
        format!("data {} ", app.guide.meta.as_of)
    } else {
        format!("{place} · data {} ", app.guide.meta.as_of)
    };
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(used);
    if room > width(&right) + 1 {
        spans.push(Span::raw(" ".repeat(room - width(&right))));
        spans.push(Span::styled(right, theme.dim()));
    } else if room > width(&place) + 1 {
        spans.push(Span::raw(" ".repeat(room - width(&place) - 1)));
        spans.push(Span::styled(place, theme.dim()));
    }
    Line::from(spans).render(area, buf);
}

/// Key hints for the current context, from the keymap: only keys that do something here (no
/// Back on the first question; digits as far as there are options). When they do not fit, the
/// least essential go first; help and quit always stay.
pub fn footer(
    context: Context,
    guide_keys: crate::app::GuideKeys,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let guide = matches!(
        context,
        Context::Question | Context::Checklist | Context::Result
    );
    let crate::app::GuideKeys {
        can_go_back,
        numbered,
        what_if,
    } = guide_keys;
    let mut items: Vec<(String, &str, bool)> = keys::bindings_for(context)
        .filter(|b| b.in_footer)
        .filter(|b| !(guide && b.action == Action::Back && !can_go_back))
        // Esc is named on the Guide only in a what-if, where it leaves for the original answers.
        .filter(|b| !(guide && b.action == Action::Escape && !what_if))
        .map(|b| {
            // The first key only (a label such as `/` must not be split), unless the keymap
            // names the keys for the footer.
            let mut key = b.footer_key_label();
            if guide
                && key == "1-9"
                && let Some(n) = numbered
            {
                key = if n <= 1 {
                    "1".to_owned()
                } else {
                    format!("1-{n}")
                };
            }
            // Help, quit and how to change tabs always stay: tabs have no numbers on the bar.
            // On the Guide, Esc reaches the footer only in a what-if, where it is the way out.
            let essential = matches!(
                b.action,
                Action::ToggleHelp | Action::Quit | Action::NextTab
            ) || (guide && b.action == Action::Escape);
            (key, b.hint, essential)
        })
        .collect();
    let item_width = |(key, hint, _): &(String, &str, bool)| width(key) + 1 + width(hint);
    let total = |items: &[(String, &str, bool)]| {
        1 + items.iter().map(item_width).sum::<usize>() + 3 * items.len().saturating_sub(1)
    };
    while total(&items) > usize::from(area.width) {
        match items.iter().rposition(|i| !i.2) {
            Some(i) => {
                items.remove(i);
            }
            None => break,
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, (key, hint, _)) in items.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {hint}")));
    }
    Line::from(spans).render(area, buf);
}
