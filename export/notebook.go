package export

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// Notebook returns the run cfg describes as a Jupyter notebook (nbformat
// 4.5): a markdown cell that says what the run is and how Descent
// reproduces it, a code cell that trains in plain Python with numpy, and a
// code cell that trains with torch.optim. Each code cell is
// self-contained and prints the final parameters and the final loss.
func Notebook(cfg compute.Config) ([]byte, error) {
	p, err := newPlan(cfg)
	if err != nil {
		return nil, err
	}
	about, err := p.about()
	if err != nil {
		return nil, err
	}
	nb := notebook{
		Cells: []any{
			newMarkdownCell("about", about),
			newCodeCell("numpy", p.numpyCell()),
			newCodeCell("torch", p.torchCell()),
		},
		Metadata: map[string]any{
			"kernelspec":    map[string]string{"name": "python3", "display_name": "Python 3", "language": "python"},
			"language_info": map[string]string{"name": "python"},
		},
		Format: 4, Minor: 5,
	}
	out, err := json.MarshalIndent(nb, "", " ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// notebook is the nbformat 4.5 document.
type notebook struct {
	Cells    []any          `json:"cells"`
	Metadata map[string]any `json:"metadata"`
	Format   int            `json:"nbformat"`
	Minor    int            `json:"nbformat_minor"`
}

// markdownCell is a markdown cell.
type markdownCell struct {
	Type     string         `json:"cell_type"`
	ID       string         `json:"id"`
	Metadata map[string]any `json:"metadata"`
	Source   []string       `json:"source"`
}

// codeCell is a code cell that has not run: no outputs, a null count.
type codeCell struct {
	Type           string         `json:"cell_type"`
	ID             string         `json:"id"`
	Metadata       map[string]any `json:"metadata"`
	Source         []string       `json:"source"`
	Outputs        []any          `json:"outputs"`
	ExecutionCount *int           `json:"execution_count"`
}

func newMarkdownCell(id, text string) markdownCell {
	return markdownCell{Type: "markdown", ID: id, Metadata: map[string]any{}, Source: sourceLines(text)}
}

func newCodeCell(id, source string) codeCell {
	return codeCell{Type: "code", ID: id, Metadata: map[string]any{}, Source: sourceLines(source), Outputs: []any{}}
}

// sourceLines splits text into lines that keep their newlines, as notebooks
// store source; the last line has none.
func sourceLines(text string) []string {
	return strings.SplitAfter(strings.TrimRight(text, "\n"), "\n")
}

// about is the markdown cell: what the run is and the Descent command and
// config that reproduce it.
func (p *plan) about() (string, error) {
	js, err := json.MarshalIndent(p.given, "", "  ")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Descent run: %s on %s\n\n", p.spec.Title, p.modelTitle())
	b.WriteString("This notebook reproduces a run of Descent, the gradient-descent playground, twice: ")
	b.WriteString("the first code cell in plain Python with numpy, the second with `torch.optim`. ")
	b.WriteString("Each cell is self-contained and prints the final parameters and the final loss, ")
	b.WriteString("which agree with Descent's to round-off.\n\n")
	if p.data != nil {
		fmt.Fprintf(&b, "- **Data:** %s.\n", p.dataTitle())
	}
	fmt.Fprintf(&b, "- **Model:** %s; parameters %s, starting at %s.\n", p.modelTitle(), strings.Join(p.names, ", "), pyList(p.start))
	fmt.Fprintf(&b, "- **Optimizer:** %s, `%s`.\n", p.spec.Title, p.optimizerCall())
	if p.cfg.LRScales != nil {
		fmt.Fprintf(&b, "- **Parameter groups:** learning rate times %s, per parameter.\n", pyList(p.cfg.LRScales))
	}
	if s := p.schedule.Torch(); s != "" {
		fmt.Fprintf(&b, "- **Schedule:** `%s`, stepped once per epoch.\n", strings.TrimPrefix(s, "torch.optim.lr_scheduler."))
	} else {
		b.WriteString("- **Schedule:** constant learning rate.\n")
	}
	if p.penalized() {
		fmt.Fprintf(&b, "- **Penalty:** %s, with l1 = %s and l2 = %s.\n", p.penaltyTitle(), compute.PyFloat(p.cfg.L1), compute.PyFloat(p.cfg.L2))
	}
	fmt.Fprintf(&b, "- **Steps:** %s.\n\n", p.stepsTitle())
	b.WriteString("Descent runs the same with `descent run --config run.json`, where `run.json` is\n\n")
	fmt.Fprintf(&b, "```json\n%s\n```\n", js)
	return b.String(), nil
}
