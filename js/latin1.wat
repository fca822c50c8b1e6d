;; Folds UTF-8 back into Latin-1, in place: the loader (js/script.js) gets the embedded .wasm as a
;; string of U+0000–U+00FF, TextEncoder turns it into UTF-8 natively (U+0080–U+00FF as two bytes,
;; C2/C3 and a continuation byte), and this loop recovers one byte per character. Done in wasm
;; because a charCodeAt loop in JS runs in the interpreter: it measured 1.2–8.7 ms for ~45,000
;; characters, against 0.7–1.6 ms for TextEncoder, this module and its loop together.
;; scripts/bundle.mjs assembles it with binaryen.
(module
  (memory (export "m") 1)
  ;; $n bytes of UTF-8 at 0 → the Latin-1 bytes at 0; returns their count.
  (func (export "d") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $b i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $b (i32.load8_u (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.ge_u (local.get $b) (i32.const 0xc0))
          (then
            (local.set $b
              (i32.or
                (i32.shl (i32.and (local.get $b) (i32.const 0x1f)) (i32.const 6))
                (i32.and (i32.load8_u (local.get $i)) (i32.const 0x3f))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (i32.store8 (local.get $j) (local.get $b))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next)))
    (local.get $j)))
