//! Small-cell suppression for the vendor's aggregate views.

/// Decides which cells of a table to hide. `groups[g]` lists the response counts of the cells that add
/// up to a published total of group `g` (e.g. the countries of one period). A cell under `threshold` is
/// hidden (primary); then, while the hidden cells of a group together cover fewer than `threshold`
/// responses, the smallest visible cell is hidden too (secondary), so that subtracting the visible cells
/// from the total never reveals fewer than `threshold` responses.
pub fn suppressed(groups: &[Vec<i64>], threshold: i64) -> Vec<Vec<bool>> {
    groups
        .iter()
        .map(|cells| {
            let mut hidden: Vec<bool> = cells.iter().map(|n| *n < threshold).collect();
            let hidden_total = |hidden: &[bool]| {
                cells
                    .iter()
                    .zip(hidden)
                    .filter(|(_, h)| **h)
                    .map(|(n, _)| *n)
                    .sum::<i64>()
            };
            while hidden.iter().any(|h| *h) && hidden_total(&hidden) < threshold {
                let smallest = cells
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !hidden[*i])
                    .min_by_key(|(_, n)| **n)
                    .map(|(i, _)| i);
                match smallest {
                    Some(i) => hidden[i] = true,
                    None => break,
                }
            }
            hidden
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cells_are_hidden_and_a_lone_hidden_cell_gets_company() {
        assert_eq!(
            suppressed(&[vec![10, 3, 7, 20]], 5),
            vec![vec![false, true, true, false]]
        );
        assert_eq!(
            suppressed(&[vec![10, 3, 2]], 5),
            vec![vec![false, true, true]]
        );
        assert_eq!(suppressed(&[vec![10, 12]], 5), vec![vec![false, false]]);
        assert_eq!(suppressed(&[vec![4]], 5), vec![vec![true]]);
    }

    #[test]
    fn a_cell_of_exactly_the_threshold_is_shown() {
        assert_eq!(
            suppressed(&[vec![5, 5, 12]], 5),
            vec![vec![false, false, false]]
        );
        assert_eq!(suppressed(&[vec![3]], 3), vec![vec![false]]);
        assert_eq!(suppressed(&[vec![2]], 3), vec![vec![true]]);
    }

    #[test]
    fn no_hidden_cell_can_be_recovered_from_the_total() {
        for cells in [
            vec![1, 9, 9, 9],
            vec![6, 2, 8],
            vec![5, 5, 4, 100],
            vec![3, 3, 30],
        ] {
            let hidden = &suppressed(std::slice::from_ref(&cells), 5)[0];
            let count = hidden.iter().filter(|h| **h).count();
            let covered: i64 = cells
                .iter()
                .zip(hidden)
                .filter(|(_, h)| **h)
                .map(|(n, _)| n)
                .sum();
            assert!(
                count == 0 || (count >= 2 && covered >= 5),
                "{cells:?} -> {hidden:?}"
            );
            for (n, h) in cells.iter().zip(hidden) {
                assert!(*h || *n >= 5);
            }
        }
    }
}
