# A tcltest file: constraints, setup/cleanup, -match glob|regexp|custom, -returnCodes, -output, makeFile and a deliberate failure.
package require tcltest
namespace import ::tcltest::test ::tcltest::testConstraint ::tcltest::makeFile ::tcltest::removeFile ::tcltest::customMatch ::tcltest::cleanupTests
testConstraint unixOnly 1
testConstraint never 0
test t-1.1 {simple} {expr {1+1}} 2
test t-1.2 {fails on purpose} {expr {1+1}} 3
test t-1.3 {constraint skip} never {error x} {}
test t-1.4 {glob} -body {format hello-world} -match glob -result {hello-*}
test t-1.5 {regexp} -body {format abc123} -match regexp -result {^abc[0-9]+$}
test t-1.6 {error code} -body {error boom} -returnCodes error -result boom
test t-1.7 {output} -body {puts hi} -output "hi\n"
set f [makeFile "content\n" data.txt]
test t-1.8 {makeFile} -setup {set fh [open $f]} -body {gets $fh} -cleanup {close $fh} -result content
proc sameLength {a b} {expr {[string length $a] == [string length $b]}}
customMatch length sameLength
test t-1.9 {custom} -body {format abcd} -match length -result wxyz
test t-1.10 {unixOnly} -constraints unixOnly -body {set x 1} -result 1
removeFile data.txt
cleanupTests
