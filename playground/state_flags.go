package playground

import (
	"flag"
	"strings"
)

// StateFlags are the command-line flags of the state's fields, one per
// field of the table, named as its JSON key with dashes for underscores
// (--scenario, --3d, --batch-size, --adam.lr, --adam.beta1,
// --adam.lr-scales). They are recorded while the command line is parsed
// and applied over a state afterwards, so that their order does not
// matter.
type StateFlags struct {
	given []pair
}

// FlagName is the command-line flag of a field.
func (f StateField) FlagName() string { return strings.ReplaceAll(f.Key, "_", "-") }

// RegisterStateFlags adds a flag for every field of the table to fs.
func RegisterStateFlags(fs *flag.FlagSet) *StateFlags {
	sf := &StateFlags{}
	for _, f := range stateFields() {
		record := func(v string) error {
			sf.given = append(sf.given, pair{f.Key, v})
			return nil
		}
		if f.Bool {
			fs.BoolFunc(f.FlagName(), f.Help, record)
		} else {
			fs.Func(f.FlagName(), f.Help, record)
		}
	}
	return sf
}

// Apply returns s with the flags given applied over it (a --scenario other
// than s's starts from that scenario's defaults), or a *StateError naming
// each flag whose value is not allowed.
func (sf *StateFlags) Apply(s State) (State, error) {
	e := &StateError{Source: "command line"}
	s = s.clone()
	s.apply(sf.given, e)
	for i, p := range e.Problems {
		e.Problems[i] = "--" + strings.ReplaceAll(p, "_", "-")
	}
	return s, e.orNil()
}
