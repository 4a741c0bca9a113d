// Checks the two builds of invoker.properties in build.log: the first fails at the Markdown line of the bad block,
// with the summary as the reason Maven gives; the second (docs/celsius.md alone) passes. Both leave a JUnit report.
def builds = new File(basedir, 'build.log').text.split(/(?m)^.*\[INFO\] Scanning for projects\.\.\.$/).findAll { it.trim() }
assert builds.size() == 2 : "expected two builds in build.log, found ${builds.size()}"
def (withMistake, withoutMistake) = builds

def failure = withMistake.readLines().find { it.startsWith('[ERROR] docs/body.md:') }
assert failure == '[ERROR] docs/body.md:13:1: error[output]: printed something else than its output block (line 12)'
assert withMistake.contains('[ERROR]  13 | 98.0')
assert withMistake.contains('on project temperatures: 1 of 3 doc blocks failed')
assert withMistake.contains('BUILD FAILURE')
println "examples/maven-plugin, as it is: ${failure}"

assert withoutMistake.contains('[INFO] 2 passed, 0 failed, 0 skipped, 0 not run, 0 not checked')
assert withoutMistake.contains('[INFO] snipcheck: junit report: target/snipcheck-reports/TEST-snipcheck.xml')
assert withoutMistake.contains('BUILD SUCCESS')
// the second build's report, which Surefire-style readers count as two passed tests
def report = new File(basedir, 'target/snipcheck-reports/TEST-snipcheck.xml').text
assert report.contains('<testsuites name="snipcheck" tests="2" failures="0" errors="0" skipped="0"')
println 'examples/maven-plugin, without docs/body.md: 2 passed, BUILD SUCCESS, TEST-snipcheck.xml counts 2 tests'
return true
