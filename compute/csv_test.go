package compute

import (
	"reflect"
	"strings"
	"testing"
)

func TestLoadCSV(t *testing.T) {
	d, err := LoadCSV(strings.NewReader("size, rooms,price\n1,2,3\n4, 5,6\n"), "price")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.X, [][]float64{{1, 4}, {2, 5}}) || !reflect.DeepEqual(d.Y, []float64{3, 6}) {
		t.Errorf("got X %v Y %v", d.X, d.Y)
	}
	if !reflect.DeepEqual(d.Names, []string{"size", "rooms"}) || d.Target != "price" {
		t.Errorf("names %v target %q", d.Names, d.Target)
	}
	d, err = LoadCSV(strings.NewReader("y,x\n3,1\n"), "")
	if err != nil || d.Target != "x" || d.Y[0] != 1 {
		t.Errorf("default target: %+v, %v", d, err)
	}
}

// TestLoadCSVErrors checks that each malformed input gives an error that
// names the line and, where there is one, the column.
func TestLoadCSVErrors(t *testing.T) {
	cases := []struct{ in, target, want string }{
		{"", "", "empty input"},
		{"x\n1\n", "", "line 1"},
		{"x,y\n1,2\n3,abc\n", "", `line 3, column "y": "abc"`},
		{"x,y\n1,NaN\n", "", `line 2, column "y"`},
		{"x,y\n1,2\n3\n", "", "line 3"},
		{"x,y\n", "", "no data rows"},
		{"x,y\n1,2\n", "z", `no column named "z"`},
	}
	for _, c := range cases {
		_, err := LoadCSV(strings.NewReader(c.in), c.target)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want it to contain %q", c.in, err, c.want)
		}
	}
}

// FuzzLoadCSV checks that no input panics and that every accepted data set
// is consistent.
func FuzzLoadCSV(f *testing.F) {
	f.Add("x,y\n1,2\n3,4\n", "y")
	f.Add("a,b,c\n1,2,3\n", "")
	f.Add("x,y\n\"1\",2\n", "x")
	f.Fuzz(func(t *testing.T, in, target string) {
		d, err := LoadCSV(strings.NewReader(in), target)
		if err != nil {
			return
		}
		if len(d.X) != len(d.Names) || len(d.Y) == 0 {
			t.Fatalf("inconsistent data set %+v", d)
		}
		for _, col := range d.X {
			if len(col) != len(d.Y) {
				t.Fatalf("column length %d, target %d", len(col), len(d.Y))
			}
		}
	})
}
