//! Unit tests for the inputs as form fields.

use super::*;

#[test]
fn fields_read_back_what_they_format() {
    let inputs = Inputs {
        requests: 12_345_678.0,
        ..Inputs::default()
    };
    for field in Field::ALL {
        let text = field.format(&inputs);
        assert_eq!(
            field
                .parse(&text)
                .map(|v| (v - field.value(&inputs)).abs() < 1e-9),
            Ok(true),
            "{field:?}: {text}"
        );
    }
    assert_eq!(Field::Requests.format(&Inputs::default()), "10M");
    let odd = Inputs {
        requests: 1_234_567.0,
        ..Inputs::default()
    };
    assert_eq!(Field::Requests.format(&odd), "1234567");
}

#[test]
fn bad_values_name_the_field() {
    let mut inputs = Inputs::default();
    let e = Field::Memory.set(&mut inputs, "12XB").expect_err("refused");
    assert_eq!(e.field, Field::Memory);
    // The form's words, never a command-line flag (the app shows this message).
    assert!(e.to_string().starts_with("Memory \"12XB\""), "{e}");
    assert_eq!(inputs, Inputs::default());
    inputs.vcpu = f64::NAN;
    assert!(inputs.validate().is_err_and(|e| e.field == Field::Vcpu));
}
