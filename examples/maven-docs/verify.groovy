// Checks the two builds of invoker.properties in build.log: the first fails at the Markdown line of the bad block,
// the second (docs/isbn.md alone) passes, and Surefire counts the blocks as tests in both.
def builds = new File(basedir, 'build.log').text.split(/(?m)^.*\[INFO\] Scanning for projects\.\.\.$/).findAll { it.trim() }
assert builds.size() == 2 : "expected two builds in build.log, found ${builds.size()}"
def (withTypo, withoutTypo) = builds

assert withTypo.contains('[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0')
def failure = withTypo.readLines().find { it.startsWith('[ERROR]   docs/typo.md:') }
assert failure == '[ERROR]   docs/typo.md:10:1: error[exception]: threw java.lang.AssertionError: 978-0-441-17271-8 should be valid'
assert withTypo.contains(' 10 | if (!valid) throw new AssertionError("978-0-441-17271-8 should be valid");')
assert withTypo.contains('BUILD FAILURE')
println "examples/maven-docs, as it is: ${failure}"

assert withoutTypo.contains('[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert withoutTypo.contains('BUILD SUCCESS')
println 'examples/maven-docs, without docs/typo.md: Tests run: 2, Failures: 0, BUILD SUCCESS'
return true
