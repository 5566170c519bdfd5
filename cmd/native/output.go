package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// writeText prints the final parameters in the classic example's words, for
// instance "Optimized slope: 0.71, intercept: 1.85".
func writeText(w io.Writer, run *compute.Run) error {
	names := run.ParamNames()
	parts := make([]string, len(names))
	for i, p := range run.Trainer.Params() {
		parts[i] = fmt.Sprintf("%s: %.2f", names[i], p)
	}
	_, err := fmt.Fprintf(w, "Optimized %s\n", strings.Join(parts, ", "))
	return err
}

// writeJSON prints one object: the config, the parameter names, the path
// (steps+1 points), the full-data loss at each point, each step's batch
// loss, the counters and the stop reason. Non-finite numbers are null.
func writeJSON(w io.Writer, run *compute.Run, reason compute.StopReason) error {
	bw := bufio.NewWriter(w)
	cfg, err := json.Marshal(run.Config)
	if err != nil {
		return err
	}
	names, _ := json.Marshal(run.ParamNames())
	tr := run.Trainer
	fmt.Fprintf(bw, `{"config":%s,"params":%s,"steps":%d,"epochs":%d,"stop":%q,"final":`, cfg, names, tr.Steps(), tr.Epochs(), reason)
	var buf []byte
	buf = appendFloats(buf[:0], tr.Params())
	bw.Write(buf)
	bw.WriteString(`,"path":[`)
	for i, p := range tr.Path() {
		if i > 0 {
			bw.WriteByte(',')
		}
		buf = appendFloats(buf[:0], p)
		bw.Write(buf)
	}
	bw.WriteString(`],"loss":`)
	bw.Write(appendFloats(buf[:0], tr.Losses()))
	bw.WriteString(`,"batch_loss":`)
	bw.Write(appendFloats(buf[:0], tr.BatchLosses()))
	bw.WriteString("}\n")
	return bw.Flush()
}

// writeCSV prints a header (step, the parameter names, loss) and one row
// per recorded point; non-finite values are written NaN, +Inf or -Inf.
func writeCSV(w io.Writer, run *compute.Run) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("step," + strings.Join(run.ParamNames(), ",") + ",loss\n")
	losses := run.Trainer.Losses()
	var buf []byte
	for i, p := range run.Trainer.Path() {
		buf = strconv.AppendInt(buf[:0], int64(i), 10)
		for _, v := range p {
			buf = append(buf, ',')
			buf = strconv.AppendFloat(buf, v, 'g', -1, 64)
		}
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, losses[i], 'g', -1, 64)
		buf = append(buf, '\n')
		bw.Write(buf)
	}
	return bw.Flush()
}

func appendFloats(buf []byte, v []float64) []byte {
	buf = append(buf, '[')
	for i, f := range v {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendFloat(buf, f)
	}
	return append(buf, ']')
}

// appendFloat writes f in the shortest form that reads back exactly, or
// null when it is not finite.
func appendFloat(buf []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(buf, "null"...)
	}
	return strconv.AppendFloat(buf, f, 'g', -1, 64)
}
