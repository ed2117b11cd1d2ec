package exporter

import (
	"fmt"
	"strings"
)

// splitWords splits a POSIX shell command line into words as the shell
// would before running it: single quotes are literal, double quotes keep
// $ references and the escapes \$ \` \" \\, a backslash outside quotes
// escapes the next character, and backslash-newline joins lines. $NAME and
// ${NAME} — which the shell would expand — become ${NAME} references, the
// form the request model keeps. Command substitution, pipes and ~ are
// refused rather than guessed at; * ? [ stay literal, as the shell leaves a
// pattern that matches no file.
func splitWords(line string) ([]string, error) {
	s := &splitter{in: []rune(line)}
	return s.run()
}

type splitter struct {
	in    []rune
	i     int
	words []string
	cur   strings.Builder
	inW   bool // a word has started (even an empty '' one)
}

func (s *splitter) run() ([]string, error) {
	for s.i < len(s.in) {
		c := s.in[s.i]
		var err error
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			s.end()
			s.i++
		case c == '#' && !s.inW:
			s.skipComment()
		case c == '\\':
			s.backslash()
		case c == '\'':
			err = s.single()
		case c == '"':
			err = s.double()
		case c == '$':
			err = s.dollar()
		case strings.ContainsRune("`|&;<>()", c):
			err = fmt.Errorf("the command line uses %q, which this importer does not run: give one plain aliyun command", string(c))
		case c == '~' && !s.inW:
			err = fmt.Errorf("the command line starts a word with ~, which the shell expands to a home directory: quote the value")
		default:
			s.add(c)
			s.i++
		}
		if err != nil {
			return nil, err
		}
	}
	s.end()
	return s.words, nil
}

func (s *splitter) add(c rune) { s.cur.WriteRune(c); s.inW = true }

func (s *splitter) end() {
	if s.inW {
		s.words = append(s.words, s.cur.String())
	}
	s.cur.Reset()
	s.inW = false
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
		s.i++
		return
	}
	if s.in[s.i] == '\r' && s.i+1 < len(s.in) && s.in[s.i+1] == '\n' {
		s.i += 2 // a script saved with CRLF line ends
		return
	}
	s.add(s.in[s.i])
	s.i++
}

func (s *splitter) single() error {
	start := s.i
	s.i++
	s.inW = true
	for s.i < len(s.in) {
		if s.in[s.i] == '\'' {
			s.i++
			return nil
		}
		s.add(s.in[s.i])
		s.i++
	}
	return fmt.Errorf("unterminated single quote at character %d", start+1)
}

func (s *splitter) double() error {
	start := s.i
	s.i++
	s.inW = true
	for s.i < len(s.in) {
		c := s.in[s.i]
		switch c {
		case '"':
			s.i++
			return nil
		case '\\':
			if s.i+1 < len(s.in) && strings.ContainsRune("$`\"\\\n", s.in[s.i+1]) {
				if s.in[s.i+1] != '\n' {
					s.add(s.in[s.i+1])
				}
				s.i += 2
				continue
			}
			s.add(c)
			s.i++
		case '$':
			if err := s.dollar(); err != nil {
				return err
			}
		case '`':
			return fmt.Errorf("the command line uses command substitution (`…`), which this importer does not run")
		default:
			s.add(c)
			s.i++
		}
	}
	return fmt.Errorf("unterminated double quote at character %d", start+1)
}

// dollar reads $NAME or ${NAME} as a reference; a lone $ is literal.
func (s *splitter) dollar() error {
	rest := s.in[s.i+1:]
	if len(rest) > 0 && rest[0] == '(' {
		return fmt.Errorf("the command line uses command substitution ($(…)), which this importer does not run")
	}
	if len(rest) > 0 && rest[0] == '{' {
		end := indexRune(rest, '}')
		if end < 0 || !isEnvName(string(rest[1:end])) {
			return fmt.Errorf("the command line uses a shell expansion %q that is not a plain ${NAME} reference", "${")
		}
		s.ref(string(rest[1:end]))
		s.i += end + 2
		return nil
	}
	n := 0
	for n < len(rest) && (rest[n] == '_' || rest[n] >= 'A' && rest[n] <= 'Z' || rest[n] >= 'a' && rest[n] <= 'z' || n > 0 && rest[n] >= '0' && rest[n] <= '9') {
		n++
	}
	if n == 0 {
		s.add('$')
		s.i++
		return nil
	}
	s.ref(string(rest[:n]))
	s.i += n + 1
	return nil
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
