;; The per-character loops of the redactor's shared scan (scan.ts `wordScan` and `tokenRuns`), as WebAssembly: the same
;; reads of the same tables, in the same order, with the same output. Built into scan-wasm.ts by
;; `npm run build:scan-wasm`; a test checks the committed bytes against this source and the
;; result against the JavaScript loop.
;;
;; Memory (byte offsets): the tables, written once per scanner by scan.ts, then per call the text's UTF-16
;; code units (two zero units past its end), the lead buffer and the hit buffer, at offsets the caller
;; passes.
;;   PAIRS   0       u16[16384]  per ASCII pair (first << 7 | second): LEAD_PAIR's entry (bits 0-6), bit 7
;;                               where a one- or two-character word is looked up by the pair (SEEN), and
;;                               bit 8 + (c & 7) where a triple key starts with the pair and a third character c
;;   TRIPLES 32768   u32[2048]   one bit per hashed ASCII triple
;;   THIRD   40960   u8[4096]    per set of third characters (row) and character: 1 where it is in the set
;;   WIDE    45056   u8[65536]   per code unit: 1 where a word is keyed on it
;;   TOKEN   110592  u8[128]     per ASCII character: 1 in a run's alphabet, [A-Za-z0-9_+/-]
;;   SEEN    110848  u8[16384]   per ASCII pair (a non-ASCII second read as 127): 1 where it occurs, for
;;                               every pair with bit 7 in PAIRS (and some others), written by `scan` (the
;;                               caller zeroes it first)
(module
  (memory (export "memory") 4)
  ;; Hits written by the last call; the first offset whose lead did not fit in the buffer.
  (global $hitCount (export "hitCount") (mut i32) (i32.const 0))
  (global $leadLimit (export "leadLimit") (mut i32) (i32.const 0))

  ;; Records lead `lead` (its index + 1 in the low three bits) at `j` when the buffer has room; answers
  ;; the count of leads found so far, this one included.
  (func $lead (param $found i32) (param $room i32) (param $leads i32) (param $j i32) (param $lead i32) (result i32)
    (if (i32.lt_u (local.get $found) (local.get $room))
      (then
        (i32.store
          (i32.add (local.get $leads) (i32.shl (local.get $found) (i32.const 2)))
          (i32.sub
            (i32.add (i32.shl (local.get $j) (i32.const 3)) (i32.and (local.get $lead) (i32.const 7)))
            (i32.const 1))))
      (else
        (if (i32.eq (local.get $found) (local.get $room))
          (then (global.set $leadLimit (local.get $j))))))
    (i32.add (local.get $found) (i32.const 1)))

  ;; scan(n, codes, leads, room, hits) -> leads found (those past `room` counted, not written).
  (func (export "scan")
    (param $n i32) (param $codes i32) (param $leads i32) (param $room i32) (param $hits i32)
    (result i32)
    (local $j i32) (local $p i32) (local $c0 i32) (local $c1 i32) (local $c2 i32)
    (local $found i32) (local $h i32) (local $pair i32) (local $lead i32) (local $t i32) (local $end i32)
    (local.set $c1 (i32.load16_u (local.get $codes)))
    (local.set $c2 (i32.load16_u offset=2 (local.get $codes)))
    (local.set $p (local.get $codes))
    (local.set $end (i32.add (local.get $codes) (i32.shl (local.get $n) (i32.const 1))))
    (block $done
      (loop $next
        ;; The loop runs on the pointer (measured faster than on the index); the index is derived.
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $j (i32.shr_u (i32.sub (local.get $p) (local.get $codes)) (i32.const 1)))
        (local.set $c0 (local.get $c1))
        (local.set $c1 (local.get $c2))
        (local.set $c2 (i32.load16_u offset=4 (local.get $p)))
        (block $continue
          ;; One test for the common case, three ASCII characters; the others below it.
          (if (i32.gt_u (i32.or (i32.or (local.get $c0) (local.get $c1)) (local.get $c2)) (i32.const 127))
            (then
              ;; A non-ASCII character: a hit where a word is keyed on it.
              (if (i32.gt_u (local.get $c0) (i32.const 127))
                (then
                      (if (i32.load8_u offset=45056 (local.get $c0))
                    (then
                      (i32.store (i32.add (local.get $hits) (i32.shl (local.get $h) (i32.const 2))) (local.get $j))
                      (local.set $h (i32.add (local.get $h) (i32.const 1)))))
                  (br $continue)))
              ;; A non-ASCII character next: leads only, that character read as 127.
              (if (i32.gt_u (i32.or (local.get $c1) (local.get $c2)) (i32.const 127))
                (then
                  (local.set $t
                    (i32.or
                      (i32.shl (local.get $c0) (i32.const 7))
                      (select (i32.const 127) (local.get $c1) (i32.gt_u (local.get $c1) (i32.const 127)))))
                  (i32.store8 offset=110848 (local.get $t) (i32.const 1))
                  (local.set $lead (i32.and (i32.load16_u (i32.shl (local.get $t) (i32.const 1))) (i32.const 127)))
                  (if (local.get $lead)
                    (then
                      (if (i32.or
                            (i32.lt_u (local.get $lead) (i32.const 8))
                            (i32.load8_u offset=40960
                              (i32.or
                                (i32.shl (i32.shr_u (local.get $lead) (i32.const 3)) (i32.const 7))
                                (select (i32.const 127) (local.get $c2) (i32.gt_u (local.get $c2) (i32.const 127))))))
                        (then
                          (local.set $found
                            (call $lead (local.get $found) (local.get $room) (local.get $leads) (local.get $j) (local.get $lead)))))))
                  (br $continue)))
              (br $continue)))
          ;; ASCII: the pair's entry says whether a lead or a triple key can start here.
          (local.set $t (i32.or (i32.shl (local.get $c0) (i32.const 7)) (local.get $c1)))
          (local.set $pair (i32.load16_u (i32.shl (local.get $t) (i32.const 1))))
          (local.set $lead (i32.and (local.get $pair) (i32.const 255)))
          ;; Whether a triple key starts with the pair and a third character like this one.
          (local.set $pair
            (i32.and (i32.shr_u (local.get $pair) (i32.add (i32.const 8) (i32.and (local.get $c2) (i32.const 7))))
              (i32.const 1)))
          (br_if $continue (i32.eqz (i32.or (local.get $lead) (local.get $pair))))
          ;; A pair a short word is looked up by (bit 7) is noted as seen; the rest of the byte is the lead.
          (if (i32.and (local.get $lead) (i32.const 128))
            (then (i32.store8 offset=110848 (local.get $t) (i32.const 1))))
          (local.set $lead (i32.and (local.get $lead) (i32.const 127)))
          (if (local.get $lead)
            (then
              (if (i32.or
                    (i32.lt_u (local.get $lead) (i32.const 8))
                    (i32.load8_u offset=40960
                      (i32.or (i32.shl (i32.shr_u (local.get $lead) (i32.const 3)) (i32.const 7)) (local.get $c2))))
                (then
                  (local.set $found
                    (call $lead (local.get $found) (local.get $room) (local.get $leads) (local.get $j) (local.get $lead)))))))
          (br_if $continue (i32.eqz (local.get $pair)))
          ;; The triple's hash (scan.ts tripleHash) and its bit.
          (local.set $t
            (i32.shr_u
              (i32.mul
                (i32.or
                  (i32.or (i32.shl (local.get $c0) (i32.const 14)) (i32.shl (local.get $c1) (i32.const 7)))
                  (local.get $c2))
                (i32.const 0x9e3779b1))
              (i32.const 16)))
          (if (i32.and
                (i32.load offset=32768 (i32.shl (i32.shr_u (local.get $t) (i32.const 5)) (i32.const 2)))
                (i32.shl (i32.const 1) (i32.and (local.get $t) (i32.const 31))))
            (then
              (i32.store (i32.add (local.get $hits) (i32.shl (local.get $h) (i32.const 2))) (local.get $j))
              (local.set $h (i32.add (local.get $h) (i32.const 1))))))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $next)))
    (global.set $hitCount (local.get $h))
    (local.get $found))

  ;; split(leads, found, out, counts) -> nothing: the `found` leads (offset × 8 + lead) written to `out` one
  ;; lead after another, each lead's offsets in order; counts[0..7] (i32, zeroed by the caller) their numbers.
  (func (export "split") (param $leads i32) (param $found i32) (param $out i32) (param $counts i32)
    (local $i i32) (local $v i32) (local $k i32) (local $sum i32) (local $c i32)
    ;; How many of each lead.
    (block $counted
      (loop $count
        (br_if $counted (i32.ge_u (local.get $i) (local.get $found)))
        (local.set $k (i32.add (local.get $counts)
          (i32.shl (i32.and (i32.load (i32.add (local.get $leads) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 7))
            (i32.const 2))))
        (i32.store (local.get $k) (i32.add (i32.load (local.get $k)) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $count)))
    ;; Where each lead's offsets start: counts[8 + k], the sum of the counts before it.
    (local.set $i (i32.const 0))
    (block $summed
      (loop $sum
        (br_if $summed (i32.ge_u (local.get $i) (i32.const 8)))
        (local.set $k (i32.add (local.get $counts) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $c (i32.load (local.get $k)))
        (i32.store offset=32 (local.get $k) (local.get $sum))
        (local.set $sum (i32.add (local.get $sum) (local.get $c)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $sum)))
    ;; Each offset to its lead's next place.
    (local.set $i (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $found)))
        (local.set $v (i32.load (i32.add (local.get $leads) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $k (i32.add (local.get $counts) (i32.shl (i32.and (local.get $v) (i32.const 7)) (i32.const 2))))
        (local.set $c (i32.load offset=32 (local.get $k)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 2))) (i32.shr_u (local.get $v) (i32.const 3)))
        (i32.store offset=32 (local.get $k) (i32.add (local.get $c) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; runs(n, codes, out) -> numbers written to `out`: the start and end of every run of 20+ characters of
  ;; TOKEN, found as scan.ts `tokenRuns` finds them: every 20th character is read, and one inside a run is
  ;; widened both ways (a run that long covers one), the run then skipped.
  (func (export "runs") (param $n i32) (param $codes i32) (param $out i32) (result i32)
    (local $i i32) (local $s i32) (local $e i32) (local $k i32) (local $c i32)
    (local.set $i (i32.const 19))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load16_u (i32.add (local.get $codes) (i32.shl (local.get $i) (i32.const 1)))))
        (if (i32.or (i32.gt_u (local.get $c) (i32.const 127)) (i32.eqz (i32.load8_u offset=110592 (local.get $c))))
          (then
            (local.set $i (i32.add (local.get $i) (i32.const 20)))
            (br $next)))
        (local.set $s (local.get $i))
        (block $start
          (loop $back
            (br_if $start (i32.eqz (local.get $s)))
            (local.set $c
              (i32.load16_u (i32.add (local.get $codes) (i32.shl (i32.sub (local.get $s) (i32.const 1)) (i32.const 1)))))
            (br_if $start (i32.gt_u (local.get $c) (i32.const 127)))
            (br_if $start (i32.eqz (i32.load8_u offset=110592 (local.get $c))))
            (local.set $s (i32.sub (local.get $s) (i32.const 1)))
            (br $back)))
        (local.set $e (i32.add (local.get $i) (i32.const 1)))
        (block $end
          (loop $on
            (br_if $end (i32.ge_u (local.get $e) (local.get $n)))
            (local.set $c (i32.load16_u (i32.add (local.get $codes) (i32.shl (local.get $e) (i32.const 1)))))
            (br_if $end (i32.gt_u (local.get $c) (i32.const 127)))
            (br_if $end (i32.eqz (i32.load8_u offset=110592 (local.get $c))))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $on)))
        (if (i32.ge_u (i32.sub (local.get $e) (local.get $s)) (i32.const 20))
          (then
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (local.get $s))
            (i32.store offset=4 (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (local.get $e))
            (local.set $k (i32.add (local.get $k) (i32.const 2)))))
        (local.set $i (i32.add (local.get $e) (i32.const 20)))
        (br $next)))
    (local.get $k))
)
