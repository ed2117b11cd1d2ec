package pkg

// Good: notes.md §1, §2 and docs/notes.md §7-§11; rules.md T1-1, T1-2/T1-3, Table 1/2.
// Good: notes.md "common codes"; a bare row T2-1 and a range T1-1..3.
// Bad: notes.md §3 (fenced), notes.md §8-12, missing.md, rules.md T1-4.
// Bad: a bare row T1-7, notes.md "uncommon codes", rules.md Table 3.
const msg = "(rules.md " + "T1-2" + ")" // good: a message built from parts
// Two on a line: notes.md §2; rules.md T2-2 (bad), and ./docs/notes.md §12 (bad).
// doccheck:ignore notes.md §99 is not scanned.
// A bare name found once in the tree resolves: only.md; twice is ambiguous: dup.md.
