package compute

// portableSin and portableCos: Go's pure-Go math.Sin and math.Cos (from the
// Cephes library, with Payne and Hanek's reduction for large arguments),
// every product that is added rounded on its own so that no compiler fuses
// it. See portable_math.go for why, and for the notice that this code from
// Go's math package carries.

import (
	"math"
	"math/bits"
)

// Coefficients of sin and cos on [-π/4, π/4] (Cephes).
var (
	portableSinCoef = [...]float64{
		1.58962301576546568060e-10, // 0x3de5d8fd1fd19ccd
		-2.50507477628578072866e-8, // 0xbe5ae5e5a9291f5d
		2.75573136213857245213e-6,  // 0x3ec71de3567d48a1
		-1.98412698295895385996e-4, // 0xbf2a01a019bfdf03
		8.33333333332211858878e-3,  // 0x3f8111111110f7d0
		-1.66666666666666307295e-1, // 0xbfc5555555555548
	}
	portableCosCoef = [...]float64{
		-1.13585365213876817300e-11, // 0xbda8fa49a0861a9b
		2.08757008419747316778e-9,   // 0x3e21ee9d7b4e3f05
		-2.75573141792967388112e-7,  // 0xbe927e4f7eac4bc6
		2.48015872888517045348e-5,   // 0x3efa01a019c844f5
		-1.38888888888730564116e-3,  // 0xbf56c16c16c14f91
		4.16666666666665929218e-2,   // 0x3fa555555555554b
	}
)

// horner returns c[0]·zⁿ⁻¹ + c[1]·zⁿ⁻² + … + c[n-1], each step rounded.
func horner(c []float64, z float64) float64 {
	p := c[0]
	for _, ci := range c[1:] {
		p = float64(p*z) + ci
	}
	return p
}

// sinPoly returns sin z for |z| ≤ π/4.
func sinPoly(z float64) float64 {
	zz := z * z
	return z + float64(float64(z*zz)*horner(portableSinCoef[:], zz))
}

// cosPoly returns cos z for |z| ≤ π/4.
func cosPoly(z float64) float64 {
	zz := z * z
	return 1.0 - float64(0.5*zz) + float64(float64(zz*zz)*horner(portableCosCoef[:], zz))
}

// trigOctant reduces x ≥ 0 to its octant j (0…7, zeros mapped to the
// origin) and z = x - j·π/4, |z| ≤ π/4, as math's sin and cos do: in
// extended precision below 2²⁹, with Payne and Hanek's method above.
func trigOctant(x float64) (j uint64, z float64) {
	const (
		pi4A = 7.85398125648498535156e-1  // 0x3fe921fb40000000, Pi/4 split into three parts
		pi4B = 3.77489470793079817668e-8  // 0x3e64442d00000000,
		pi4C = 2.69515142907905952645e-15 // 0x3ce8469898cc5170,
	)
	if x >= portableReduceThreshold {
		return trigReduce(x)
	}
	j = uint64(float64(x * (4 / math.Pi))) // integer part of x/(π/4)
	y := float64(j)
	if j&1 == 1 { // map zeros to origin
		j++
		y++
	}
	j &= 7 // octant modulo 2π
	z = ((x - float64(y*pi4A)) - float64(y*pi4B)) - float64(y*pi4C)
	return j, z
}

// portableSin returns the sine of x (radians), as math.Sin.
//
// Special cases: portableSin(±0) = ±0, portableSin(±Inf) = NaN,
// portableSin(NaN) = NaN.
func portableSin(x float64) float64 {
	switch {
	case x == 0 || math.IsNaN(x):
		return x
	case math.IsInf(x, 0):
		return math.NaN()
	}
	sign := false
	if x < 0 {
		x = -x
		sign = true
	}
	j, z := trigOctant(x)
	if j > 3 { // reflect in the x axis
		sign = !sign
		j -= 4
	}
	var y float64
	if j == 1 || j == 2 {
		y = cosPoly(z)
	} else {
		y = sinPoly(z)
	}
	if sign {
		y = -y
	}
	return y
}

// portableCos returns the cosine of x (radians), as math.Cos.
//
// Special cases: portableCos(±Inf) = NaN, portableCos(NaN) = NaN.
func portableCos(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN()
	}
	sign := false
	j, z := trigOctant(math.Abs(x))
	if j > 3 {
		j -= 4
		sign = !sign
	}
	if j > 1 {
		sign = !sign
	}
	var y float64
	if j == 1 || j == 2 {
		y = sinPoly(z)
	} else {
		y = cosPoly(z)
	}
	if sign {
		y = -y
	}
	return y
}

// portableReduceThreshold is the argument from which sin and cos reduce
// with trigReduce: below it, the three-part π/4 of trigOctant is exact
// enough.
const portableReduceThreshold = 1 << 29

// trigReduce implements Payne and Hanek's range reduction for x ≥ π/4
// (math's trigReduce): j = ⌊x·4/π⌋ mod 8 (zeros mapped to the origin) and
// z = (x·4/π - j)·π/4 from the bits of 4/π in mPi4. Integer arithmetic
// but for the last product.
func trigReduce(x float64) (j uint64, z float64) {
	const (
		pi4   = math.Pi / 4
		mask  = 0x7FF
		shift = 64 - 11 - 1
		bias  = 1023
	)
	if x < pi4 {
		return 0, x
	}
	// x = ix · 2^exp.
	ix := math.Float64bits(x)
	exp := int(ix>>shift&mask) - bias - shift
	ix &^= mask << shift
	ix |= 1 << shift
	// The 3 digits of 4/π whose product with ix has its leading digit at
	// exponent -61.
	digit, bitshift := uint(exp+61)/64, uint(exp+61)%64
	z0 := (mPi4[digit] << bitshift) | (mPi4[digit+1] >> (64 - bitshift))
	z1 := (mPi4[digit+1] << bitshift) | (mPi4[digit+2] >> (64 - bitshift))
	z2 := (mPi4[digit+2] << bitshift) | (mPi4[digit+3] >> (64 - bitshift))
	z2hi, _ := bits.Mul64(z2, ix)
	z1hi, z1lo := bits.Mul64(z1, ix)
	z0lo := z0 * ix
	lo, c := bits.Add64(z1lo, z2hi, 0)
	hi, _ := bits.Add64(z0lo, z1hi, c)
	j = hi >> 61 // the top 3 bits
	hi = hi<<3 | lo>>61
	lz := uint(bits.LeadingZeros64(hi))
	e := uint64(bias - (lz + 1))
	hi = (hi << (lz + 1)) | (lo >> (64 - (lz + 1)))
	hi >>= 64 - shift
	hi |= e << shift
	z = math.Float64frombits(hi)
	if j&1 == 1 { // map zeros to origin
		j++
		j &= 7
		z--
	}
	return j, z * pi4
}

// mPi4 is the binary digits of 4/π as a uint64 array, that is,
// 4/π = Sum mPi4[i]·2^(-64·i), 19 64-bit digits and the integer part.
var mPi4 = [...]uint64{
	0x0000000000000001,
	0x45f306dc9c882a53,
	0xf84eafa3ea69bb81,
	0xb6c52b3278872083,
	0xfca2c757bd778ac3,
	0x6e48dc74849ba5c0,
	0x0c925dd413a32439,
	0xfc3bd63962534e7d,
	0xd1046bea5d768909,
	0xd338e04d68befc82,
	0x7323ac7306a673e9,
	0x3908bf177bf25076,
	0x3ff12fffbc0b301f,
	0xde5e2316b414da3e,
	0xda6cfd9e4f96136e,
	0x9e8c7ecd3cbfd45a,
	0xea4f758fd7cbe2f6,
	0x7a0e73ef14a525d4,
	0xd7f6bf623f1aba10,
	0xac06608df8f6d757,
}
