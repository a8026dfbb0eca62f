package tfreflect

import (
	"fmt"
	"strings"
)

// splitArgs splits a validate rule's arguments at spaces; a single-quoted argument keeps its spaces
// ('NOT CONNECTED'), because several ChargePoint enumerations have values with spaces.
func splitArgs(s string) ([]string, error) {
	var args []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] != '\'' {
			arg, rest, _ := strings.Cut(s, " ")
			args, s = append(args, arg), rest
			continue
		}
		end := strings.IndexByte(s[1:], '\'')
		if end < 0 {
			return nil, fmt.Errorf("unterminated quote in arguments %q", s)
		}
		args, s = append(args, s[1:end+1]), s[end+2:]
	}
	return args, nil
}
