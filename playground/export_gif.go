package playground

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/render"
)

// The GIF's bounds: frames (DefaultGIFFrames unless asked, at most
// MaxGIFFrames), its size (the screen's, scaled down to at most
// MaxGIFPixels) and its loop (gifLoop hundredths of a second over the
// frames, each shown 2 to 50 hundredths, and the last held gifHold more).
const (
	DefaultGIFFrames = 60
	MaxGIFFrames     = 200
	MaxGIFPixels     = 1280 * 800
	gifLoop          = 600
	gifHold          = 150
)

// gifJob makes a GIF of the race by replaying it: a second Game, opened
// on the race's state at step 0 and drawn offscreen as the export view
// (the picture without the panel, the speed or the frame rate), steps as
// the race did to each frame's step and is drawn there. A race is
// deterministic, so two exports of one state are the same bytes, and a
// frame is what the playground shows when that state is opened at that
// step. One frame is made per tick.
type gifJob struct {
	src    *Game
	game   *Game
	screen *ebiten.Image
	w, h   int
	dpr    float64
	steps  []int
	next   int
	quant  *quantizer
	prev   *image.Paletted
	// head is the GIF's header and colour table, body its frames so far,
	// each encoded as it is made (see add); err the first error met.
	head, body []byte
	err        error
	progress   func(float64)
	done       func([]byte, error)
}

// newGIFJob prepares the GIF of src's race in at most frames frames (0:
// DefaultGIFFrames).
func newGIFJob(src *Game, frames int) (*gifJob, error) {
	if frames == 0 {
		frames = DefaultGIFFrames
	}
	if frames < 1 || frames > MaxGIFFrames {
		return nil, fmt.Errorf("export gif: %d frames: want 1 to %d", frames, MaxGIFFrames)
	}
	if src.world.View != RaceView {
		return nil, errors.New("export gif: the GIF replays the race; switch to the race view")
	}
	if src.width < 1 || src.height < 1 {
		return nil, errors.New("export gif: the screen has no size yet")
	}
	st := src.world.State()
	total := st.Steps
	st.Steps = 0
	g, err := NewGame(Options{State: &st})
	if err != nil {
		return nil, fmt.Errorf("export gif: %w", err)
	}
	if src.useGPU && src.gpu != nil {
		// The race ran on the GPU backend: so does its replay.
		g.useGPU, g.gpu = true, src.gpu
		g.world.SetBackend(src.gpu)
	}
	g.exportView = true
	g.pic.chartLinear, g.pic.chartLarge, g.pic.showFormula = src.pic.chartLinear, src.pic.chartLarge, src.pic.showFormula
	j := &gifJob{src: src, game: g, w: src.width, h: src.height, dpr: src.dpr}
	if px := j.w * j.h; px > MaxGIFPixels {
		s := math.Sqrt(float64(MaxGIFPixels) / float64(px))
		j.w, j.h, j.dpr = int(float64(j.w)*s), int(float64(j.h)*s), j.dpr*s
	}
	j.steps = gifSteps(total, frames)
	j.quant = newQuantizer(gifPalette(g.theme()))
	return j, nil
}

// gifSteps returns the race's steps that frames frames show: evenly
// spread from 0 to total, one per step when there are fewer steps.
func gifSteps(total, frames int) []int {
	n := min(frames, total+1)
	steps := make([]int, n)
	for k := range steps {
		if n > 1 {
			steps[k] = int(math.Round(float64(k) * float64(total) / float64(n-1)))
		}
	}
	return steps
}

// fraction is how much of the GIF is made.
func (j *gifJob) fraction() float64 { return float64(j.next) / float64(len(j.steps)) }

// frame makes the next frame and reports whether it was the last.
func (j *gifJob) frame() bool {
	// The frame is drawn on a texture of its own, and the surface with
	// the race's own layer while it shows the same field: the GPU then
	// samples and blends at the same texture positions in every export,
	// so that antialiased edges come out the same to the unit.
	if j.screen == nil {
		j.screen = ebiten.NewImageWithOptions(image.Rect(0, 0, j.w, j.h), &ebiten.NewImageOptions{Unmanaged: true})
	}
	g, w := j.game, j.game.world
	if d := j.steps[j.next] - w.Steps(); d > 0 {
		w.Advance(d)
	}
	// A slice that follows the leader is drawn through its current
	// point, as a state opened at this step draws it.
	w.slice = fieldSlice{}
	g.layoutAt(j.w, j.h, j.dpr)
	if src := j.src; g.layer == nil && src.layer != nil && src.layerLog == w.LogScale && src.layerFor != nil && sameField(*src.layerFor, w.Field()) {
		g.layer, g.layerFor, g.layerLog = src.layer, w.field, w.LogScale
	}
	g.refreshLayers()
	j.screen.Clear()
	g.Draw(j.screen)
	img := image.NewRGBA(image.Rect(0, 0, j.w, j.h))
	j.screen.ReadPixels(img.Pix)
	j.src.layoutAt(j.src.width, j.src.height, j.src.dpr)
	j.add(j.quant.paletted(img))
	j.next++
	if j.progress != nil {
		j.progress(j.fraction())
	}
	return j.next == len(j.steps)
}

// sameField reports whether a and b are the same loss field.
func sameField(a, b render.Field) bool {
	return a.Cols == b.Cols && a.Rows == b.Rows && a.XMin == b.XMin && a.XMax == b.XMax && a.YMin == b.YMin && a.YMax == b.YMax && slices.Equal(a.Values, b.Values)
}

// add encodes a frame: after the first, only the rectangle that changed,
// its unchanged pixels transparent (gifKeep) so that they show the frame
// before and compress to little. Frames are encoded as they come (each
// as a GIF of one frame whose blocks are kept), so that memory holds the
// compressed frames, not the pictures.
func (j *gifJob) add(p *image.Paletted) {
	frame := p
	if j.prev != nil {
		r := changed(j.prev, p)
		frame = image.NewPaletted(r, p.Palette)
		keep := gifKeep(p.Palette)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				i := p.PixOffset(x, y)
				c := p.Pix[i]
				if c == j.prev.Pix[i] {
					c = keep
				}
				frame.SetColorIndex(x, y, c)
			}
		}
	}
	j.prev = p
	delay := min(max(gifLoop/len(j.steps), 2), 50)
	if j.next == len(j.steps)-1 {
		delay += gifHold
	}
	one := gif.GIF{Image: []*image.Paletted{frame}, Delay: []int{delay}, Disposal: []byte{gif.DisposalNone},
		Config: image.Config{ColorModel: p.Palette, Width: j.w, Height: j.h}}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, &one); err != nil {
		j.err = err
		return
	}
	// A GIF of one frame: the header (6 bytes), the screen descriptor (7)
	// and the global colour table, the frame's blocks, the trailer (1).
	b := buf.Bytes()
	n := 13
	if b[10]&0x80 != 0 {
		n += 3 << (b[10]&7 + 1)
	}
	if j.head == nil {
		j.head = append([]byte(nil), b[:n]...)
	}
	j.body = append(j.body, b[n:len(b)-1]...)
}

// changed is the smallest rectangle holding every pixel where a and b
// differ (a 1×1 one at the corner when none does).
func changed(a, b *image.Paletted) image.Rectangle {
	r := image.Rectangle{}
	w := b.Rect.Dx()
	for y := 0; y < b.Rect.Dy(); y++ {
		ra, rb := a.Pix[y*a.Stride:y*a.Stride+w], b.Pix[y*b.Stride:y*b.Stride+w]
		for x := range rb {
			if ra[x] != rb[x] {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	if r.Empty() {
		return image.Rect(0, 0, 1, 1)
	}
	return r
}

// netscapeLoop is the application extension that makes a GIF loop
// forever.
var netscapeLoop = []byte{0x21, 0xff, 0x0b, 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0', 0x03, 0x01, 0x00, 0x00, 0x00}

// finish joins the GIF's parts and hands it over.
func (j *gifJob) finish() {
	if j.screen != nil {
		j.screen.Deallocate()
	}
	if j.err != nil {
		j.done(nil, fmt.Errorf("export gif: %w", j.err))
		return
	}
	out := make([]byte, 0, len(j.head)+len(netscapeLoop)+len(j.body)+1)
	out = append(append(append(append(out, j.head...), netscapeLoop...), j.body...), 0x3b)
	j.done(out, nil)
}
