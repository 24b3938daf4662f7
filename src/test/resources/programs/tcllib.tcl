# tcllib's pure-Tcl packages, as Debian's tcllib installs them.
package require cmdline
set argv2 {-v -n 5 file.txt}
set opts {{v "verbose"} {n.arg 1 "count"}}
array set p [cmdline::getoptions argv2 $opts]
puts "v=$p(v) n=$p(n) rest=$argv2"
set argv3 {-x}
catch {cmdline::getoptions argv3 $opts "prog opts:"} e
puts $e
puts $::errorCode
set argv4 {-a 1 -b}
while {[set r [cmdline::getopt argv4 {a.arg b} o v]] > 0} { puts "opt $o=$v" }
package require json
set d [json::json2dict {{"a": [1, 2, {"b": "c"}], "s": "x\"y", "t": true, "n": null}}]
puts $d
puts [dict get $d a]
catch {json::json2dict {{"a": }}} e
puts $e
puts [json::many-json2dict {[1] [2,3]}]
package require json::write
puts [json::write object a [json::write string hi] b [json::write array 1 2]]
package require csv
puts [csv::split {a,"b,c",d}]
puts [csv::join {x {y z} "q\"r"}]
puts [csv::split "a;b;;c" ";"]
package require base64
puts [base64::encode "Hello, World!"]
puts [base64::decode SGVsbG8sIFdvcmxkIQ==]
package require md5
puts [md5::md5 -hex "abc"]
puts [md5::hmac -hex -key secret "message"]
package require struct::list
puts [struct::list map {1 2 3} {apply {x {expr {$x*$x}}}}]
puts [struct::list filter {1 2 3 4 5} {apply {x {expr {$x % 2}}}}]
puts [struct::list reverse {a b c}]
puts [struct::list fold {1 2 3 4} 0 ::tcl::mathop::+]
puts [struct::list flatten -full {a {b {c d}} e}]
puts [struct::list iota 5]
puts [struct::list longestCommonSubsequence {a b c d e} {a c e f}]
puts [struct::list permutations {1 2 3}]
puts [struct::list assign {x y z} u v w]$u$v$w
package require textutil
puts [textutil::adjust "the quick brown fox jumps over the lazy dog" -length 15]
puts [textutil::splitx "a1b22c" {[0-9]+}]
puts [textutil::trim "  xx  "]|
puts [textutil::indent "a\nb" "> "]
puts [textutil::string::cap hello]
puts [textutil::repeat::strRepeat ab 3]
puts [textutil::tabify::untabify2 "a\tb" 4]
package require math
puts [math::fibonacci 10]
puts [math::max 3 9 2]
puts [math::sum 1 2 3.5]
puts [math::random 1 2]
package require math::statistics
puts [math::statistics::mean {1 2 3 4}]
puts [math::statistics::basic-stats {1 2 3 4 10}]
