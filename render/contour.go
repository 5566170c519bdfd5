package render

import "math"

// Segment is a straight piece of a contour line, in parameter space.
type Segment struct{ X0, Y0, X1, Y1 float64 }

// ContourLevel is the contour line of a field at one value, as unordered
// segments.
type ContourLevel struct {
	Value    float64
	Segments []Segment
}

// cellEdges lists, for each marching-squares case, the pairs of cell edges
// that a contour segment joins. Corner bits: 1 bottom-left, 2 bottom-right,
// 4 top-right, 8 top-left, set when the corner is at or above the level.
// Edges: 0 bottom, 1 right, 2 top, 3 left. The saddle cases 5 and 10 hold the
// pairing for a centre below the level; saddleAbove holds the other.
var cellEdges = [16][]int8{
	{}, {3, 0}, {0, 1}, {3, 1}, {1, 2}, {3, 0, 1, 2}, {0, 2}, {3, 2},
	{2, 3}, {0, 2}, {0, 1, 2, 3}, {1, 2}, {3, 1}, {0, 1}, {3, 0}, {},
}

// saddleAbove is the pairing for the saddle cases when the cell-centre
// average is at or above the level: the two high corners connect through the
// centre and the segments cut off the two low corners.
var saddleAbove = [16][]int8{5: {0, 1, 2, 3}, 10: {3, 0, 1, 2}}

// Contours traces the contour lines of f at each level by marching squares:
// each grid cell is classified by which corners are at or above the level,
// segment ends are placed by linear interpolation along the cell edges, and
// the ambiguous saddle cells are resolved by the average of the four
// corners (the cell centre). Cells with a NaN corner are skipped. It returns
// one ContourLevel per level, in order.
func Contours(f Field, levels []float64) []ContourLevel {
	checkField(f)
	out := make([]ContourLevel, len(levels))
	for i, level := range levels {
		out[i] = ContourLevel{Value: level, Segments: contourSegments(nil, f, level)}
	}
	return out
}

// contourSegments appends the segments of f's contour at level to dst.
func contourSegments(dst []Segment, f Field, level float64) []Segment {
	dx := (f.XMax - f.XMin) / float64(f.Cols-1)
	dy := (f.YMax - f.YMin) / float64(f.Rows-1)
	for r := 0; r < f.Rows-1; r++ {
		y0 := f.YMin + float64(r)*dy
		for c := 0; c < f.Cols-1; c++ {
			i := r*f.Cols + c
			v := [4]float64{f.Values[i], f.Values[i+1], f.Values[i+f.Cols+1], f.Values[i+f.Cols]}
			if math.IsNaN(v[0] + v[1] + v[2] + v[3]) {
				continue
			}
			kind := 0
			for k, vk := range v {
				if vk >= level {
					kind |= 1 << k
				}
			}
			edges := cellEdges[kind]
			if len(edges) == 0 {
				continue
			}
			if (kind == 5 || kind == 10) && (v[0]+v[1]+v[2]+v[3])/4 >= level {
				edges = saddleAbove[kind]
			}
			x0 := f.XMin + float64(c)*dx
			for k := 0; k < len(edges); k += 2 {
				px, py := edgeCrossing(int(edges[k]), &v, level, x0, y0, dx, dy)
				qx, qy := edgeCrossing(int(edges[k+1]), &v, level, x0, y0, dx, dy)
				dst = append(dst, Segment{px, py, qx, qy})
			}
		}
	}
	return dst
}

// edgeCrossing returns where level crosses edge k of the cell whose
// bottom-left corner is (x0, y0) and whose corner values are v (bottom-left,
// bottom-right, top-right, top-left), interpolating linearly between the
// edge's end corners. Edges run counter-clockwise from corner k to corner
// k+1: bottom left→right, right bottom→top, top right→left, left top→bottom.
func edgeCrossing(k int, v *[4]float64, level, x0, y0, dx, dy float64) (x, y float64) {
	t := (level - v[k]) / (v[(k+1)%4] - v[k])
	switch k {
	case 0:
		return x0 + t*dx, y0
	case 1:
		return x0 + dx, y0 + t*dy
	case 2:
		return x0 + dx - t*dx, y0 + dy
	default:
		return x0, y0 + dy - t*dy
	}
}
