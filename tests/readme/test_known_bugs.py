#!/usr/bin/env python3
"""README.md's list of known bugs is the list of expected-to-fail tests.

A bug that is known and not fixed yet has a test marked expected-to-fail,
which turns red when the fix lands.  The README names each such test in its
"Known bugs" paragraph (Robustness); this test fails when the paragraph and
the marks disagree, in either direction.  The marks are:

- meson tests with `should_fail : true` (any meson.build under tests/),
  including one `fuzz-known-NAME` test per input in tests/fuzz/known-bugs/;
- Python tests decorated with @unittest.expectedFailure or a pytest xfail
  mark, named FILE::FUNCTION (FILE relative to tests/).
"""
import ast, os, re, unittest

ROOT = os.environ.get("BOUNCEVIEW_SOURCE_DIR",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
TESTS = os.path.join(ROOT, "tests")


def fuzz_known_inputs():
    """{target: [name]} of the files in tests/fuzz/known-bugs/TARGET/."""
    base = os.path.join(TESTS, "fuzz", "known-bugs")
    if not os.path.isdir(base):
        return {}
    return {t: sorted(os.listdir(os.path.join(base, t))) for t in sorted(os.listdir(base))}


def meson_should_fail():
    """Names of the meson tests marked should_fail."""
    names = set()
    for folder, _, files in os.walk(TESTS):
        if "meson.build" not in files:
            continue
        path = os.path.join(folder, "meson.build")
        with open(path, encoding="utf-8") as f:
            text = re.sub(r"#.*", "", f.read())
        for m in re.finditer(r"should_fail\s*:\s*true", text):
            call = text.rfind("test(", 0, m.start())
            name = re.match(r"test\(\s*'([^']+)'\s*,", text[call:])
            if name is not None:
                names.add(name.group(1))
            elif text[call:].startswith("test('fuzz-known-' + name"):
                # The loop over fuzz_known_bugs: its dictionary must list
                # exactly the files of known-bugs/.
                listed = dict_of_lists(text, "fuzz_known_bugs")
                if listed != fuzz_known_inputs():
                    raise AssertionError("%s: fuzz_known_bugs %r, but known-bugs/ holds %r"
                                         % (path, listed, fuzz_known_inputs()))
                names.update("fuzz-known-" + n for ns in listed.values() for n in ns)
            else:
                raise AssertionError("%s: cannot tell which test should_fail marks: %r"
                                     % (path, text[call:call + 60]))
    return names


def dict_of_lists(text, variable):
    """A meson dictionary of string lists, {'a' : ['x', 'y']}, by name."""
    body = re.search(variable + r"\s*=\s*\{(.*?)\n\}", text, re.S).group(1)
    result = {}
    for key, values in re.findall(r"'([^']+)'\s*:\s*\[([^\]]*)\]", body):
        result[key] = sorted(re.findall(r"'([^']+)'", values))
    return {k: v for k, v in result.items() if v}


def python_xfails():
    """FILE::FUNCTION of the Python tests marked expected-to-fail."""
    names = set()
    for folder, _, files in os.walk(TESTS):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read(), path)
            for node in ast.walk(tree):
                if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                    for dec in node.decorator_list:
                        if "expectedFailure" in ast.unparse(dec) or "xfail" in ast.unparse(dec):
                            names.add("%s::%s" % (os.path.relpath(path, TESTS), node.name))
    return names


def readme_known_bugs():
    """The test names the README's "Known bugs" paragraph lists, and the
    paragraph itself."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^\*\*Known bugs\*\*.*?(?=\n\n(?!- )|\Z)", text, re.S | re.M)
    if m is None:
        raise AssertionError("README.md has no paragraph starting **Known bugs**")
    paragraph = m.group(0)
    return set(re.findall(r"^- `([^`]+)`", paragraph, re.M)), paragraph


class KnownBugs(unittest.TestCase):
    def test_readme_lists_the_expected_failures(self):
        marked = meson_should_fail() | python_xfails()
        marked |= {"fuzz-known-" + n for names in fuzz_known_inputs().values() for n in names}
        listed, paragraph = readme_known_bugs()
        self.assertEqual(listed - marked, set(), "README lists these as known bugs, but no test is marked "
                         "expected-to-fail for them: fixed? then take them out of README.md")
        self.assertEqual(marked - listed, set(), "these tests are marked expected-to-fail, but README.md's "
                         "Known bugs paragraph does not list them")
        if not listed:
            self.assertRegex(paragraph, r"\bNone\b", "with no known bug the paragraph says None")

    def test_no_known_bug_elsewhere(self):
        # A known bug is named in the Known bugs paragraph, not in a
        # sentence elsewhere that nothing checks.
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            text = f.read()
        self.assertNotRegex(text.replace(readme_known_bugs()[1], ""), r"(?i)not (yet )?fixed")


if __name__ == "__main__":
    unittest.main()
