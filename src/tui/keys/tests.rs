use super::*;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn arrows_and_vim_keys_agree() {
    for (a, b) in [
        (K::Up, K::Char('k')),
        (K::Down, K::Char('j')),
        (K::Left, K::Char('h')),
    ] {
        assert_eq!(
            action_for(Question, &press(a)),
            action_for(Question, &press(b))
        );
        assert_eq!(
            action_for(Compare, &press(a)),
            action_for(Compare, &press(b))
        );
    }
    assert_eq!(action_for(Question, &press(K::Up)), Some(Action::Up));
}

#[test]
fn digits_carry_their_number() {
    assert_eq!(
        action_for(Question, &press(K::Char('3'))),
        Some(Action::Number(3))
    );
    assert_eq!(
        action_for(Result, &press(K::Char('7'))),
        Some(Action::Number(7))
    );
    // Digits never switch tabs (they answer questions); Alt-digits do, everywhere.
    assert_eq!(action_for(Compare, &press(K::Char('3'))), None);
    assert_eq!(action_for(Question, &press(K::Char('0'))), None);
    let alt_two = KeyEvent::new(K::Char('2'), KeyModifiers::ALT);
    assert_eq!(action_for(Question, &alt_two), Some(Action::Tab(2)));
}

#[test]
fn typed_text_never_triggers_shortcuts_in_search() {
    for c in ['q', '?', 'j', 'k', '/', '1', ' ', 'r'] {
        assert_eq!(
            action_for(Search, &press(K::Char(c))),
            Some(Action::Type(c)),
            "{c}"
        );
    }
    assert_eq!(action_for(Search, &press(K::Esc)), Some(Action::Escape));
    assert_eq!(
        action_for(Search, &press(K::Backspace)),
        Some(Action::DeleteChar)
    );
}

#[test]
fn typed_text_never_triggers_shortcuts_in_the_path_field() {
    for c in [
        'q', '?', 'y', 'n', 's', 'e', 'h', 'l', 'j', 'k', '/', '~', '1', ' ',
    ] {
        assert_eq!(
            action_for(SaveAs, &press(K::Char(c))),
            Some(Action::Type(c)),
            "{c}"
        );
    }
    assert_eq!(action_for(SaveAs, &press(K::Enter)), Some(Action::Select));
    assert_eq!(action_for(SaveAs, &press(K::Esc)), Some(Action::Escape));
    assert_eq!(action_for(SaveAs, &press(K::Left)), Some(Action::Left));
    let ctrl_u = KeyEvent::new(K::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(action_for(SaveAs, &ctrl_u), Some(Action::ClearQuery));
    // On the result `y` copies; in a yes/no question it is yes.
    assert_eq!(action_for(Result, &press(K::Char('y'))), Some(Action::Copy));
    assert_eq!(action_for(Confirm, &press(K::Char('y'))), Some(Action::Yes));
}

#[test]
fn escape_is_one_action_that_the_app_resolves() {
    for context in [
        Help, Detail, Question, Checklist, Result, Compare, Search, Cost,
    ] {
        assert_eq!(
            action_for(context, &press(K::Esc)),
            Some(Action::Escape),
            "{context:?}"
        );
    }
    assert_eq!(action_for(TooSmall, &press(K::Esc)), None);
    assert_eq!(
        action_for(TooSmall, &press(K::Char('q'))),
        Some(Action::Quit)
    );
    assert_eq!(action_for(TooSmall, &press(K::Enter)), None);
    let ctrl_c = KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL);
    for context in [
        Question, Result, Compare, Search, Cost, Detail, Help, Confirm, TooSmall,
    ] {
        assert_eq!(action_for(context, &ctrl_c), Some(Action::Interrupt));
    }
    assert_eq!(action_for(Question, &press(K::Char('c'))), None);
}

#[test]
fn no_key_means_two_things_in_one_context() {
    for context in [
        Question, Checklist, Result, Compare, Search, Cost, Detail, Help, Confirm, SaveAs, TooSmall,
    ] {
        let bindings: Vec<&Binding> = bindings_for(context).collect();
        for (i, a) in bindings.iter().enumerate() {
            for b in &bindings[i + 1..] {
                for key in a.keys {
                    if b.keys.contains(key) && a.action != b.action {
                        panic!(
                            "{key:?} is both {:?} and {:?} in {context:?}",
                            a.action, b.action
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_footer_key_label_names_the_first_key_and_the_pair_is_one_hint() {
    let left = bindings_for(Compare)
        .find(|b| b.action == Action::Left)
        .expect("← on Compare");
    assert_eq!(left.footer_key_label(), "←/→");
    let right = bindings_for(Compare)
        .find(|b| b.action == Action::Right)
        .expect("→ on Compare");
    assert!(!right.in_footer && right.hint == left.hint);
    for b in BINDINGS {
        match b.footer_keys {
            // The label must name the binding's own first key.
            Some(label) => assert!(label.contains(&b.first_key_label()), "{label}"),
            None => assert_eq!(b.footer_key_label(), b.first_key_label()),
        }
    }
}

#[test]
fn every_binding_has_words_and_a_context() {
    for b in BINDINGS {
        assert!(!b.hint.is_empty() && !b.help.is_empty() && !b.contexts.is_empty());
        assert!(!b.key_labels().is_empty());
    }
}
