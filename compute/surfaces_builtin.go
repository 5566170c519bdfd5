package compute

import "math"

// The surfaces' arithmetic is written so that it gives the same bits on
// every architecture: every product that is added to something is rounded
// on its own by an explicit float64 conversion (without it the compiler
// may fuse the two into one multiply-add, as it does on arm64), and the
// elementary functions are the core's own (expFast, portableSin,
// portableCos; see portable_math.go).

// rosenbrock is Rosenbrock's banana valley with a = 1, b = 100:
// f(x, y) = (1-x)² + 100(y-x²)², in gonum's ExtendedRosenbrock's
// arithmetic, operation for operation (gonum's Func lets the compiler fuse).
func rosenbrock() *Surface {
	return &Surface{
		Name: "rosenbrock", Title: "Rosenbrock",
		Formula: "f(x, y) = (1 − x)² + 100 (y − x²)²",
		Domain:  [4]float64{-2, 2, -1, 3}, Start: [2]float64{-1.5, 2},
		Minima:   []Minimum{{X: 1, Y: 1, F: 0, Global: true}},
		LogScale: true,
		Python:   "(1 - x) ** 2 + 100 * (y - x * x) ** 2",
		PythonGrad: [2]string{
			"-2 * (1 - x) - 400 * (y - x * x) * x",
			"200 * (y - x * x)",
		},
		F: func(x []float64) float64 {
			a := 1 - x[0]
			b := x[1] - float64(x[0]*x[0])
			return float64(a*a) + float64(100*b*b)
		},
		G: func(grad, x []float64) {
			g0 := 0.0
			g0 -= float64(2 * (1 - x[0]))
			g0 -= float64(400 * (x[1] - float64(x[0]*x[0])) * x[0])
			grad[0] = g0
			grad[1] = 0 + float64(200*(x[1]-float64(x[0]*x[0])))
		},
	}
}

// beale is Beale's function f = (1.5-x+xy)² + (2.25-x+xy²)² + (2.625-x+xy³)²,
// in gonum's Beale's arithmetic, operation for operation.
func beale() *Surface {
	return &Surface{
		Name: "beale", Title: "Beale",
		Formula: "f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
		Domain:  [4]float64{-4.5, 4.5, -4.5, 4.5}, Start: [2]float64{1, 1.5},
		Minima:   []Minimum{{X: 3, Y: 0.5, F: 0, Global: true}},
		LogScale: true,
		Python:   "(1.5 - x * (1 - y)) ** 2 + (2.25 - x * (1 - y * y)) ** 2 + (2.625 - x * (1 - y * y * y)) ** 2",
		PythonGrad: [2]string{
			"-2 * ((1.5 - x * (1 - y)) * (1 - y) + (2.25 - x * (1 - y * y)) * (1 - y * y) + (2.625 - x * (1 - y * y * y)) * (1 - y * y * y))",
			"2 * x * ((1.5 - x * (1 - y)) + 2 * (2.25 - x * (1 - y * y)) * y + 3 * (2.625 - x * (1 - y * y * y)) * y * y)",
		},
		F: func(x []float64) float64 {
			f1 := 1.5 - float64(x[0]*(1-x[1]))
			f2 := 2.25 - float64(x[0]*(1-float64(x[1]*x[1])))
			f3 := 2.625 - float64(x[0]*(1-float64(x[1]*x[1]*x[1])))
			return float64(f1*f1) + float64(f2*f2) + float64(f3*f3)
		},
		G: func(grad, x []float64) {
			t1 := 1 - x[1]
			t2 := 1 - float64(x[1]*x[1])
			t3 := 1 - float64(x[1]*x[1]*x[1])
			f1 := 1.5 - float64(x[0]*t1)
			f2 := 2.25 - float64(x[0]*t2)
			f3 := 2.625 - float64(x[0]*t3)
			grad[0] = -2 * (float64(f1*t1) + float64(f2*t2) + float64(f3*t3))
			grad[1] = 2 * x[0] * (f1 + float64(2*f2*x[1]) + float64(3*f3*x[1]*x[1]))
		},
	}
}

// himmelblau is Himmelblau's function f = (x²+y-11)² + (x+y²-7)², with four
// equal minima.
func himmelblau() *Surface {
	return &Surface{
		Name: "himmelblau", Title: "Himmelblau",
		Formula: "f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
		Domain:  [4]float64{-5, 5, -5, 5}, Start: [2]float64{0, 0},
		Minima: []Minimum{
			{X: 3, Y: 2, Global: true},
			{X: -2.805118086952745, Y: 3.131312518250573, Global: true},
			{X: -3.779310253377747, Y: -3.283185991286170, Global: true},
			{X: 3.584428340330492, Y: -1.848126526964404, Global: true},
		},
		LogScale: true,
		Python:   "(x * x + y - 11) ** 2 + (x + y * y - 7) ** 2",
		PythonGrad: [2]string{
			"4 * (x * x + y - 11) * x + 2 * (x + y * y - 7)",
			"2 * (x * x + y - 11) + 4 * (x + y * y - 7) * y",
		},
		F: func(x []float64) float64 {
			a := float64(x[0]*x[0]) + x[1] - 11
			b := x[0] + float64(x[1]*x[1]) - 7
			return float64(a*a) + float64(b*b)
		},
		G: func(grad, x []float64) {
			a := float64(x[0]*x[0]) + x[1] - 11
			b := x[0] + float64(x[1]*x[1]) - 7
			grad[0] = float64(4*a*x[0]) + float64(2*b)
			grad[1] = float64(2*a) + float64(4*b*x[1])
		},
	}
}

// booth is Booth's function f = (x+2y-7)² + (2x+y-5)², a tilted bowl.
func booth() *Surface {
	return &Surface{
		Name: "booth", Title: "Booth",
		Formula: "f(x, y) = (x + 2y − 7)² + (2x + y − 5)²",
		Domain:  [4]float64{-10, 10, -10, 10}, Start: [2]float64{-8, 8},
		Minima: []Minimum{{X: 1, Y: 3, F: 0, Global: true}},
		Python: "(x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2",
		PythonGrad: [2]string{
			"2 * (x + 2 * y - 7) + 4 * (2 * x + y - 5)",
			"4 * (x + 2 * y - 7) + 2 * (2 * x + y - 5)",
		},
		F: func(x []float64) float64 {
			a := x[0] + float64(2*x[1]) - 7
			b := float64(2*x[0]) + x[1] - 5
			return float64(a*a) + float64(b*b)
		},
		G: func(grad, x []float64) {
			a := x[0] + float64(2*x[1]) - 7
			b := float64(2*x[0]) + x[1] - 5
			grad[0] = float64(2*a) + float64(4*b)
			grad[1] = float64(4*a) + float64(2*b)
		},
	}
}

// rastrigin is the 2-D Rastrigin function with A = 10:
// f = 20 + Σ (xᵢ² - 10 cos 2πxᵢ), a bowl covered in local minima.
func rastrigin() *Surface {
	return &Surface{
		Name: "rastrigin", Title: "Rastrigin",
		Formula: "f(x, y) = 20 + x² − 10 cos 2πx + y² − 10 cos 2πy",
		Domain:  [4]float64{-5.12, 5.12, -5.12, 5.12}, Start: [2]float64{3.2, -2.7},
		Minima: []Minimum{{X: 0, Y: 0, F: 0, Global: true}},
		Python: "20 + x * x - 10 * cos(2 * pi * x) + y * y - 10 * cos(2 * pi * y)",
		PythonGrad: [2]string{
			"2 * x + 20 * pi * sin(2 * pi * x)",
			"2 * y + 20 * pi * sin(2 * pi * y)",
		},
		F: func(x []float64) float64 {
			return 20 + float64(x[0]*x[0]) - float64(10*portableCos(2*math.Pi*x[0])) +
				float64(x[1]*x[1]) - float64(10*portableCos(2*math.Pi*x[1]))
		},
		G: func(grad, x []float64) {
			grad[0] = float64(2*x[0]) + float64(20*math.Pi*portableSin(2*math.Pi*x[0]))
			grad[1] = float64(2*x[1]) + float64(20*math.Pi*portableSin(2*math.Pi*x[1]))
		},
	}
}

// ackley is the 2-D Ackley function
// f = -20 exp(-0.2 √((x²+y²)/2)) - exp((cos 2πx + cos 2πy)/2) + e + 20.
// Its gradient is taken as zero at the origin, where the cone is not
// differentiable.
func ackley() *Surface {
	return &Surface{
		Name: "ackley", Title: "Ackley",
		Formula: "f(x, y) = −20 exp(−0.2 √((x² + y²)/2)) − exp((cos 2πx + cos 2πy)/2) + e + 20",
		Domain:  [4]float64{-5, 5, -5, 5}, Start: [2]float64{3.5, -4},
		Minima: []Minimum{{X: 0, Y: 0, F: 0, Global: true}},
		Python: "-20 * exp(-0.2 * sqrt(0.5 * (x * x + y * y))) - exp(0.5 * (cos(2 * pi * x) + cos(2 * pi * y))) + e + 20",
		PythonGrad: [2]string{
			"pi * exp(0.5 * (cos(2 * pi * x) + cos(2 * pi * y))) * sin(2 * pi * x) + (2 * exp(-0.2 * sqrt(0.5 * (x * x + y * y))) * x / sqrt(0.5 * (x * x + y * y)) if x * x + y * y > 0 else 0.0)",
			"pi * exp(0.5 * (cos(2 * pi * x) + cos(2 * pi * y))) * sin(2 * pi * y) + (2 * exp(-0.2 * sqrt(0.5 * (x * x + y * y))) * y / sqrt(0.5 * (x * x + y * y)) if x * x + y * y > 0 else 0.0)",
		},
		F: func(x []float64) float64 {
			r := math.Sqrt(0.5 * (float64(x[0]*x[0]) + float64(x[1]*x[1])))
			c := 0.5 * (portableCos(2*math.Pi*x[0]) + portableCos(2*math.Pi*x[1]))
			return float64(-20*expFast(-0.2*r)) - expFast(c) + math.E + 20
		},
		G: func(grad, x []float64) {
			r := math.Sqrt(0.5 * (float64(x[0]*x[0]) + float64(x[1]*x[1])))
			c := 0.5 * (portableCos(2*math.Pi*x[0]) + portableCos(2*math.Pi*x[1]))
			ec := expFast(c)
			for i := range 2 {
				grad[i] = float64(math.Pi * ec * portableSin(2*math.Pi*x[i]))
				if r > 0 {
					grad[i] += 2 * expFast(-0.2*r) * x[i] / r
				}
			}
		},
	}
}

// saddle is the saddle f = x² - y²: no minimum, a stationary point at the
// origin that plain gradient descent started on the x axis never leaves.
func saddle() *Surface {
	return &Surface{
		Name: "saddle", Title: "Saddle x² − y²",
		Formula: "f(x, y) = x² − y²",
		Domain:  [4]float64{-2, 2, -2, 2}, Start: [2]float64{-1.8, 0.01},
		Python: "x * x - y * y",
		PythonGrad: [2]string{
			"2 * x",
			"-2 * y",
		},
		F: func(x []float64) float64 { return float64(x[0]*x[0]) - float64(x[1]*x[1]) },
		G: func(grad, x []float64) {
			grad[0] = 2 * x[0]
			grad[1] = -2 * x[1]
		},
	}
}

// bowlCondition is the ratio of the bowl's two curvatures.
const bowlCondition = 20

// bowl is an ill-conditioned quadratic f = (x² + 20y²)/2 whose curvatures
// differ by a factor of 20, the picture of why momentum helps.
func bowl() *Surface {
	return &Surface{
		Name: "bowl", Title: "Ill-conditioned bowl",
		Formula: "f(x, y) = (x² + 20 y²)/2",
		Domain:  [4]float64{-3, 3, -3, 3}, Start: [2]float64{-2.8, 1.2},
		Minima: []Minimum{{X: 0, Y: 0, F: 0, Global: true}},
		Python: "0.5 * (x * x + 20 * y * y)",
		PythonGrad: [2]string{
			"x",
			"20 * y",
		},
		F: func(x []float64) float64 {
			return 0.5 * (float64(x[0]*x[0]) + float64(bowlCondition*x[1]*x[1]))
		},
		G: func(grad, x []float64) {
			grad[0] = x[0]
			grad[1] = bowlCondition * x[1]
		},
	}
}
