package exporter

import (
	"fmt"
	"strings"
)

// shellCommand is one simple command of a script: its words, the line it
// starts on, and why it cannot be read as plain words, if it cannot.
type shellCommand struct {
	words   []string
	line    int
	problem error
}

// splitCommands splits a POSIX shell script into simple commands and their
// words as the shell would before running them: single quotes are literal,
// double quotes keep $ references and the escapes \$ \` \" \\, a backslash
// outside quotes escapes the next character, backslash-newline joins lines,
// and newlines, ;, &, | and && || separate commands. $NAME and ${NAME} —
// which the shell would expand — become ${NAME} references, the form the
// request model keeps. Command substitution, redirection, other ${…}
// expansions and a leading ~ make their command unreadable (its problem)
// rather than guessed at; * ? [ stay literal, as the shell leaves a pattern
// that matches no file. An unterminated quote fails the whole script.
func splitCommands(script string) ([]shellCommand, error) {
	s := &splitter{in: []rune(script), line: 1}
	s.cmd.line = 1
	if err := s.run(); err != nil {
		return nil, err
	}
	return s.cmds, nil
}

// splitWords splits a single command line into words.
func splitWords(line string) ([]string, error) {
	cmds, err := splitCommands(line)
	switch {
	case err != nil:
		return nil, err
	case len(cmds) == 0:
		return nil, nil
	case len(cmds) > 1:
		return nil, fmt.Errorf("found %d commands (line %d starts another): give one", len(cmds), cmds[1].line)
	case cmds[0].problem != nil:
		return nil, cmds[0].problem
	}
	return cmds[0].words, nil
}

type splitter struct {
	in   []rune
	i    int
	line int
	cmds []shellCommand
	cmd  shellCommand
	cur  strings.Builder
	inW  bool // a word has started (even an empty '' one)
}

func (s *splitter) run() error {
	for s.i < len(s.in) {
		if err := s.step(s.in[s.i]); err != nil {
			return err
		}
	}
	s.endCommand()
	return nil
}

// step handles the character at s.i outside quotes.
func (s *splitter) step(c rune) error {
	switch {
	case c == '\n':
		s.endCommand()
		s.next()
	case c == ' ' || c == '\t' || c == '\r':
		s.endWord()
		s.next()
	case c == '#' && !s.inW:
		s.skipComment()
	case c == '\\':
		s.backslash()
	case c == '\'':
		return s.single()
	case c == '"':
		return s.double()
	case c == '$':
		s.dollar()
	case strings.ContainsRune(";&|", c):
		s.endCommand()
		s.next()
	case strings.ContainsRune("`<>()", c):
		s.fail("uses %q (command substitution, redirection or a subshell), which this importer does not run", string(c))
		s.literal(c)
	case c == '~' && !s.inW:
		s.fail("starts a word with ~, which the shell expands to a home directory: quote the value")
		s.literal(c)
	default:
		s.literal(c)
	}
	return nil
}

// next moves past one character, counting lines.
func (s *splitter) next() {
	if s.in[s.i] == '\n' {
		s.line++
	}
	s.i++
}

func (s *splitter) literal(c rune) { s.add(c); s.next() }

func (s *splitter) add(c rune) { s.cur.WriteRune(c); s.inW = true }

// fail records why the current command cannot be read; the first reason
// is kept.
func (s *splitter) fail(format string, args ...any) {
	if s.cmd.problem == nil {
		s.cmd.problem = fmt.Errorf("line %d: the command "+format, append([]any{s.line}, args...)...)
	}
}

func (s *splitter) endWord() {
	if s.inW {
		s.cmd.words = append(s.cmd.words, s.cur.String())
	}
	s.cur.Reset()
	s.inW = false
}

func (s *splitter) endCommand() {
	s.endWord()
	if len(s.cmd.words) > 0 || s.cmd.problem != nil {
		s.cmds = append(s.cmds, s.cmd)
	}
	s.cmd = shellCommand{line: s.line}
	if s.i < len(s.in) && s.in[s.i] == '\n' {
		s.cmd.line = s.line + 1
	}
}

func (s *splitter) skipComment() {
	for s.i < len(s.in) && s.in[s.i] != '\n' {
		s.i++
	}
}

// backslash outside quotes: escapes the next character; before a newline
// it continues the line.
func (s *splitter) backslash() {
	s.i++
	if s.i >= len(s.in) {
		return
	}
	if s.in[s.i] == '\n' {
		s.next()
		return
	}
	if s.in[s.i] == '\r' && s.i+1 < len(s.in) && s.in[s.i+1] == '\n' {
		s.i++ // a script saved with CRLF line ends
		s.next()
		return
	}
	s.literal(s.in[s.i])
}

func (s *splitter) single() error {
	start := s.line
	s.i++
	s.inW = true
	for s.i < len(s.in) {
		if s.in[s.i] == '\'' {
			s.i++
			return nil
		}
		s.literal(s.in[s.i])
	}
	return fmt.Errorf("line %d: unterminated single quote", start)
}

func (s *splitter) double() error {
	start := s.line
	s.i++
	s.inW = true
	for s.i < len(s.in) {
		c := s.in[s.i]
		switch {
		case c == '"':
			s.i++
			return nil
		case c == '\\' && s.i+1 < len(s.in) && strings.ContainsRune("$`\"\\\n", s.in[s.i+1]):
			s.i++
			if s.in[s.i] == '\n' {
				s.next()
				continue
			}
			s.literal(s.in[s.i])
		case c == '$':
			s.dollar()
		case c == '`':
			s.fail("uses command substitution (`…`), which this importer does not run")
			s.literal(c)
		default:
			s.literal(c)
		}
	}
	return fmt.Errorf("line %d: unterminated double quote", start)
}

// dollar reads $NAME or ${NAME} as a reference; a lone $ is literal.
func (s *splitter) dollar() {
	rest := s.in[s.i+1:]
	switch {
	case len(rest) > 0 && rest[0] == '(':
		s.fail("uses command substitution ($(…)), which this importer does not run")
	case len(rest) > 0 && rest[0] == '{':
		end := indexRune(rest, '}')
		if end > 0 && isEnvName(string(rest[1:end])) {
			s.ref(string(rest[1:end]))
			s.i += end + 2
			return
		}
		s.fail("uses a shell expansion that is not a plain ${NAME} reference")
	default:
		if n := envNameLen(rest); n > 0 {
			s.ref(string(rest[:n]))
			s.i += n + 1
			return
		}
	}
	s.literal('$')
}

// envNameLen is the length of the variable name at the start of rs.
func envNameLen(rs []rune) int {
	n := 0
	for n < len(rs) && (rs[n] == '_' || rs[n] >= 'A' && rs[n] <= 'Z' || rs[n] >= 'a' && rs[n] <= 'z' || n > 0 && rs[n] >= '0' && rs[n] <= '9') {
		n++
	}
	return n
}

func (s *splitter) ref(name string) {
	s.cur.WriteString("${" + name + "}")
	s.inW = true
}

func indexRune(rs []rune, r rune) int {
	for i, c := range rs {
		if c == r {
			return i
		}
	}
	return -1
}
