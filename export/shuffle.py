def permutation(seed, epoch, n):
    """Descent's order of the n samples in an epoch: Go's math/rand/v2 PCG
    (DXSM output) seeded with (seed, epoch), drawing each index of an
    inside-out Fisher-Yates shuffle by Lemire's multiply-and-reject method."""
    m64 = (1 << 64) - 1
    mul = (2549297995355413924 << 64) | 4865540595714422341
    inc = (6364136223846793005 << 64) | 1442695040888963407
    state = (seed << 64) | epoch

    def uint64():
        nonlocal state
        state = (state * mul + inc) & ((1 << 128) - 1)
        hi, lo = state >> 64, state & m64
        hi ^= hi >> 32
        hi = (hi * 0xDA942042E4DD58B5) & m64
        hi ^= hi >> 48
        return (hi * (lo | 1)) & m64

    order = [0] * n
    for i in range(n):
        k = i + 1
        prod = uint64() * k
        if prod & m64 < k:
            thresh = ((1 << 64) - k) % k
            while prod & m64 < thresh:
                prod = uint64() * k
        j = prod >> 64
        order[i] = order[j]
        order[j] = i
    return order
