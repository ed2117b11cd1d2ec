package sandbox

import (
	"regexp"
	"strconv"
	"strings"
)

// orderedName matches an ordered name, name_prefix[begin_number,bits]name_suffix
// (docs/rules.md T2-17), with begin_number and bits each optional.
var orderedName = regexp.MustCompile(`^([^\[\]]*)\[([0-9]*)(?:,([0-9]*))?\]([^\[\]]*)$`)

// Ordered-name defaults, as the current RunInstances reference gives them:
// numbering starts at 0 and takes 6 digits; a number longer than bits keeps
// all its digits (instance-[99,2] names instance-99, instance-100).
const (
	orderedBegin = 0
	orderedBits  = 6
)

// expandName returns the name instance i (0-based) of a request gets from
// an InstanceName or HostName: an ordered name is numbered, and ECS's own
// ${instance_id} placeholder (HostName, T2-17) becomes the instance ID.
// ordered reports whether the name was an ordered one, on which
// UniqueSuffix has no effect (T2-19).
func expandName(v, id string, i int) (name string, ordered bool) {
	v = strings.ReplaceAll(v, "${instance_id}", id)
	m := orderedName.FindStringSubmatch(v)
	if m == nil {
		return v, false
	}
	begin, bits := orderedBegin, orderedBits
	if n, err := strconv.Atoi(m[2]); err == nil {
		begin = n
	}
	if n, err := strconv.Atoi(m[3]); err == nil && n > 0 {
		bits = n
	}
	num := strconv.Itoa(begin + i)
	if pad := bits - len(num); pad > 0 {
		num = strings.Repeat("0", pad) + num
	}
	return m[1] + num + m[4], true
}
