package playground

// The choices of the state's named settings, in the order panels list
// them (the state table, the native panel and the page's controls share
// these lists).
var (
	variantNames  = []string{"batch", "sgd", "minibatch"}
	scheduleNames = []string{"constant", "step", "exponential", "inverse-time", "cosine"}
	speedNames    = []string{"1", "2", "5", "10", "50", "200"}
	speedValues   = []int{1, 2, 5, 10, 50, 200}
)

// boolValue is a switch's value.
func boolValue(on bool) float64 {
	if on {
		return 1
	}
	return 0
}
