//! How disclosure control scales: decides and audits one quarter and its year to date of a synthetic
//! program with N memberships (two per partner, in 20 countries, 1–9 responses each), and prints the times.
//!
//! `cargo run --release --example disclosure_scale -- 1000 2500 5000`

use std::time::Instant;

use csat_index::testing::domain::disclosure::{audit, decide, Atom, Key, Quarter, Rules, Span};

const COUNTRIES: [&str; 20] = [
    "AT", "BE", "BG", "CZ", "DE", "DK", "ES", "FI", "FR", "GR", "HU", "IE", "IT", "NL", "PL", "PT",
    "RO", "SE", "SI", "SK",
];

fn main() {
    let quarter = Quarter::new(2026, 3).expect("a quarter");
    for memberships in std::env::args()
        .skip(1)
        .filter_map(|n| n.parse::<usize>().ok())
    {
        let atoms: Vec<Atom> = (0..memberships)
            .map(|i| Atom {
                membership: format!("m{i}"),
                partner: format!("p{}", i / 2),
                country: COUNTRIES[i % COUNTRIES.len()].into(),
                quarter,
                responses: (i % 9 + 1) as u64,
            })
            .collect();
        let mut candidates = Vec::new();
        for span in [Span::quarter(quarter), Span::year_to_date(quarter)] {
            candidates.push(Key::program(span));
            for atom in &atoms {
                candidates.push(Key::country(&atom.country, span));
                candidates.push(Key::membership(&atom.membership, span));
            }
        }
        let started = Instant::now();
        let shown: Vec<Key> = decide(&atoms, &candidates, Rules::default())
            .into_iter()
            .collect();
        let decided = started.elapsed();
        let started = Instant::now();
        let audited = audit(&atoms, &shown, Rules::default());
        println!(
            "{memberships} memberships: decide {decided:.2?} ({} of {} cells shown), audit {:.2?} ({})",
            shown.len(),
            candidates.len(),
            started.elapsed(),
            if audited.is_ok() { "passes" } else { "FAILS" }
        );
    }
}
