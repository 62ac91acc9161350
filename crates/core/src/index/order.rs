//! Orderings as packed integer keys. Every sort in the core sorts plain `u64`s, so the wasm
//! bundle carries one copy of the sort routine; a sort by closure is a copy of its own.

/// `high` decides the order; `low` breaks ties and, being unique, says which item the key is.
pub fn pack(high: u32, low: u32) -> u64 {
    (u64::from(high) << 32) | u64::from(low)
}

/// The part of a key that sorts first.
pub fn high(key: u64) -> u32 {
    (key >> 32) as u32
}

/// The part of a key that breaks ties.
pub fn low(key: u64) -> u32 {
    key as u32
}

/// The indices of `labels` in alphabetical order, equal labels by index.
pub fn alphabetical(labels: &[&str]) -> Vec<u32> {
    // By each label's first bytes read as one number, which orders labels as their bytes do
    // wherever those differ: most comparisons of 10,000 titles, without reading them whole. Only
    // labels that begin alike are then sorted by the bytes that follow, and so on.
    let mut keys: Vec<u64> = labels
        .iter()
        .zip(0..)
        .map(|(label, i)| pack(bytes_at(label, 0), i))
        .collect();
    keys.sort_unstable();
    // Runs of keys whose labels share their first `at` bytes, still to sort by the bytes that
    // follow: kept in a list rather than recursed into, as labels alike for a long way (a title
    // given twice) would take a call per `BYTES` of them, more than the stack holds.
    let mut runs = vec![(0, keys.len(), BYTES)];
    while let Some((start, end, at)) = runs.pop() {
        let mut from = start;
        for alike in keys[start..end].chunk_by_mut(|&a, &b| high(a) == high(b)) {
            // Once past the longest label, those left are equal and already by index.
            if alike.len() > 1 && alike.iter().any(|&k| labels[low(k) as usize].len() > at) {
                for key in alike.iter_mut() {
                    *key = pack(bytes_at(labels[low(*key) as usize], at), low(*key));
                }
                alike.sort_unstable();
                runs.push((from, from + alike.len(), at + BYTES));
            }
            from += alike.len();
        }
    }
    keys.into_iter().map(low).collect()
}

/// Bytes of a label that one key holds.
const BYTES: usize = 3;

/// The `BYTES` bytes of `label` from `at`, as a number that orders as they do: each byte one
/// more than itself in nine bits, and none (past its end) zero, so that a label sorts before
/// those that go on from it.
fn bytes_at(label: &str, at: usize) -> u32 {
    let bytes = label.as_bytes().get(at..).unwrap_or_default();
    (0..BYTES).fold(0, |word, j| {
        (word << 9) | bytes.get(j).map_or(0, |&b| u32::from(b) + 1)
    })
}

/// For each index, its place in `order`.
pub fn places(order: &[u32]) -> Vec<u32> {
    let mut places = vec![0; order.len()];
    for (place, &i) in order.iter().enumerate() {
        places[i as usize] = place as u32;
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_by_high_then_low() {
        let mut keys = [pack(2, 0), pack(1, 7), pack(1, 3), pack(0, u32::MAX)];
        keys.sort_unstable();
        let pairs: Vec<_> = keys.iter().map(|&k| (high(k), low(k))).collect();
        assert_eq!(pairs, [(0, u32::MAX), (1, 3), (1, 7), (2, 0)]);
    }

    proptest::proptest! {
        /// The order is the labels' own, whatever their first bytes share.
        #[test]
        fn alphabetical_is_the_order_of_the_labels(
            labels in proptest::collection::vec("(abcdefgh)?[ab\u{0}é]{0,10}", 0..20)
        ) {
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            let mut expected: Vec<u32> = (0..labels.len() as u32).collect();
            expected.sort_by_key(|&i| (labels[i as usize], i));
            proptest::prop_assert_eq!(alphabetical(&labels), expected);
        }
    }

    /// Labels alike for a long way (a title given twice) are ordered without running out of
    /// stack: in the browser, a level of recursion per three bytes did at 30,000 alike.
    #[test]
    fn alphabetical_orders_long_alike_labels() {
        let long = "a".repeat(3_000_000);
        let (a, ab) = (long.clone() + "a", long.clone() + "ab");
        let labels = [ab.as_str(), long.as_str(), a.as_str(), long.as_str()];
        assert_eq!(alphabetical(&labels), [1, 3, 2, 0]);
    }

    #[test]
    fn alphabetical_order_and_places() {
        let order = alphabetical(&["b", "a", "c", "a"]);
        assert_eq!(order, [1, 3, 0, 2]);
        assert_eq!(places(&order), [2, 0, 3, 1]);
    }
}
