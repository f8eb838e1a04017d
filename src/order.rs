//! Stable sorting with one small, non-generic body.
//!
//! `slice::sort_by` is monomorphised for every element type and comparator,
//! and each copy of the standard library's driftsort/quicksort costs 2-5 KB
//! of WASM; the core sorts short lists (evidence, findings, phrases) in a
//! dozen places. Here one merge sort orders indices through a `dyn`
//! comparator, and the generic part only moves elements into that order.

use std::cmp::Ordering;

/// Sort `v` stably by `cmp`, like [`slice::sort_by`].
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        stable_order(
            items.len(),
            &mut |a, b| match (items.get(a), items.get(b)) {
                (Some(x), Some(y)) => cmp(x, y) == Ordering::Less,
                _ => false,
            },
        )
    };
    permute(v, order);
}

/// Sort `v` stably by a key, like [`slice::sort_by_cached_key`]: each key is
/// computed once.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = stable_order(keys.len(), &mut |a, b| match (keys.get(a), keys.get(b)) {
        (Some(x), Some(y)) => x < y,
        _ => false,
    });
    permute(v, order);
}

fn permute<T>(v: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    for i in order {
        if let Some(x) = slots.get_mut(i).and_then(Option::take) {
            v.push(x);
        }
    }
}

/// Sort `v` stably in ascending order, like [`slice::sort`].
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in stable sorted order, where `less(a, b)` says item
/// `a` sorts before item `b`. Bottom-up merge sort: O(n log n) comparisons.
fn stable_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut src: Vec<usize> = (0..n).collect();
    let mut dst: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        dst.clear();
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (left, right) = (src.get(start..mid), src.get(mid..end));
            let (Some(left), Some(right)) = (left, right) else {
                break;
            };
            // Already in order (common: the input is often nearly sorted).
            if let (Some(&l), Some(&r)) = (left.last(), right.first()) {
                if !less(r, l) {
                    dst.extend_from_slice(left);
                    dst.extend_from_slice(right);
                    start = end;
                    continue;
                }
            }
            let (mut i, mut j) = (0, 0);
            while let (Some(&l), Some(&r)) = (left.get(i), right.get(j)) {
                // Take from the right only when strictly less: stable.
                if less(r, l) {
                    dst.push(r);
                    j += 1;
                } else {
                    dst.push(l);
                    i += 1;
                }
            }
            dst.extend(left.iter().skip(i));
            dst.extend(right.iter().skip(j));
            start = end;
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    src
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(
            v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)
        ) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &std_sorted);
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std_sorted = v;
            std_sorted.sort_by_key(|b| std::cmp::Reverse(b.0));
            prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn small_cases() {
        let mut v: Vec<i32> = vec![];
        sort(&mut v);
        assert!(v.is_empty());
        let mut v = vec![3, 1, 2, 1];
        sort(&mut v);
        assert_eq!(v, [1, 1, 2, 3]);
        let mut v = vec!["b", "a"];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["b", "a"]);
    }
}
