// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice A compute-heavy workload in the spirit of SnailTracer, written for the megaeth-node EVM
/// benchmarks: renders five spheres with Lambert shading, hard shadows and up to two mirror
/// bounces in 6-decimal fixed point (checked int256 arithmetic, Newton square roots), and returns
/// the keccak-256 of the RGB image. Everything lives on the stack, so memory stays small and the
/// cost is arithmetic, jumps and stack shuffling rather than memory expansion.
contract RayTracer {
    int256 private constant ONE = 1e6;
    int256 private constant EPS = 1e3;
    int256 private constant AMBIENT = 15e4;
    uint256 private constant SPHERES = 5;
    uint256 private constant NONE = type(uint256).max;
    uint256 private constant BOUNCES = 3;

    /// @return digest keccak-256 of the width x height x 3 image, row by row
    function render(uint256 width, uint256 height) external pure returns (bytes32 digest) {
        bytes memory image = new bytes(width * height * 3);
        int256 w = int256(width);
        int256 h = int256(height);
        uint256 p;
        for (int256 y = 0; y < h; y++) {
            for (int256 x = 0; x < w; x++) {
                // The eye is at (0, 1, -4), looking at +z through a 4 x 3 window at z = 0.
                (int256 dx, int256 dy, int256 dz) =
                    _normalize((x * 4 * ONE) / w - 2 * ONE, (3 * ONE) / 2 - (y * 3 * ONE) / h, 4 * ONE);
                (int256 r, int256 g, int256 b) = _trace(0, ONE, -4 * ONE, dx, dy, dz);
                image[p++] = bytes1(_channel(r));
                image[p++] = bytes1(_channel(g));
                image[p++] = bytes1(_channel(b));
            }
        }
        digest = keccak256(image);
    }

    /// Follows a ray through up to BOUNCES mirror reflections; colours are 0..255 scaled by ONE.
    function _trace(int256 ox, int256 oy, int256 oz, int256 dx, int256 dy, int256 dz)
        private
        pure
        returns (int256 r, int256 g, int256 b)
    {
        int256 weight = ONE;
        for (uint256 bounce = 0; bounce < BOUNCES; bounce++) {
            (uint256 hit, int256 t) = _nearest(ox, oy, oz, dx, dy, dz);
            if (hit == NONE) {
                // Sky: a vertical gradient.
                int256 sky = (ONE + dy) / 2;
                r += (weight * (120 * ONE + 60 * sky)) / ONE;
                g += (weight * (160 * ONE + 60 * sky)) / ONE;
                b += (weight * (255 * ONE)) / ONE;
                break;
            }
            ox += (dx * t) / ONE;
            oy += (dy * t) / ONE;
            oz += (dz * t) / ONE;
            (int256 nx, int256 ny, int256 nz) = _normal(hit, ox, oy, oz);
            int256 light = _light(ox, oy, oz, nx, ny, nz);
            (uint256 color, int256 reflect) = _material(hit);
            int256 local = (weight * (ONE - reflect)) / ONE;
            r += (local * int256((color >> 16) & 0xff) * light) / ONE;
            g += (local * int256((color >> 8) & 0xff) * light) / ONE;
            b += (local * int256(color & 0xff) * light) / ONE;
            if (reflect == 0) {
                break;
            }
            weight = (weight * reflect) / ONE;
            // d' = d - 2 (d . n) n
            int256 dn = (dx * nx + dy * ny + dz * nz) / ONE;
            dx -= (2 * dn * nx) / ONE;
            dy -= (2 * dn * ny) / ONE;
            dz -= (2 * dn * nz) / ONE;
        }
    }

    /// Ambient plus Lambert light from a point light, zero diffuse in shadow.
    function _light(int256 px, int256 py, int256 pz, int256 nx, int256 ny, int256 nz)
        private
        pure
        returns (int256)
    {
        (int256 lx, int256 ly, int256 lz) = _normalize(5 * ONE - px, 8 * ONE - py, -3 * ONE - pz);
        int256 diffuse = (nx * lx + ny * ly + nz * lz) / ONE;
        if (diffuse <= 0) {
            return AMBIENT;
        }
        (uint256 blocker,) = _nearest(px, py, pz, lx, ly, lz);
        if (blocker != NONE) {
            return AMBIENT;
        }
        return AMBIENT + (diffuse * (ONE - AMBIENT)) / ONE;
    }

    function _nearest(int256 ox, int256 oy, int256 oz, int256 dx, int256 dy, int256 dz)
        private
        pure
        returns (uint256 hit, int256 best)
    {
        hit = NONE;
        for (uint256 i = 0; i < SPHERES; i++) {
            int256 t = _intersect(ox, oy, oz, dx, dy, dz, i);
            if (t > 0 && (hit == NONE || t < best)) {
                hit = i;
                best = t;
            }
        }
    }

    /// Distance along the unit ray to sphere i, or 0 when the ray misses it.
    function _intersect(int256 ox, int256 oy, int256 oz, int256 dx, int256 dy, int256 dz, uint256 i)
        private
        pure
        returns (int256)
    {
        (int256 cx, int256 cy, int256 cz, int256 radius) = _sphere(i);
        int256 lx = cx - ox;
        int256 ly = cy - oy;
        int256 lz = cz - oz;
        int256 tca = (lx * dx + ly * dy + lz * dz) / ONE;
        int256 d2 = (lx * lx + ly * ly + lz * lz) / ONE - (tca * tca) / ONE;
        int256 r2 = (radius * radius) / ONE;
        if (d2 > r2) {
            return 0;
        }
        int256 thc = _sqrt(r2 - d2);
        if (tca - thc > EPS) {
            return tca - thc;
        }
        if (tca + thc > EPS) {
            return tca + thc;
        }
        return 0;
    }

    function _normal(uint256 i, int256 px, int256 py, int256 pz)
        private
        pure
        returns (int256, int256, int256)
    {
        (int256 cx, int256 cy, int256 cz, int256 radius) = _sphere(i);
        return (((px - cx) * ONE) / radius, ((py - cy) * ONE) / radius, ((pz - cz) * ONE) / radius);
    }

    function _normalize(int256 x, int256 y, int256 z) private pure returns (int256, int256, int256) {
        int256 len = _sqrt((x * x + y * y + z * z) / ONE);
        return ((x * ONE) / len, (y * ONE) / len, (z * ONE) / len);
    }

    /// Fixed-point square root: sqrt(v / ONE) * ONE, by Newton's method on integers.
    function _sqrt(int256 v) private pure returns (int256) {
        uint256 a = uint256(v) * uint256(ONE);
        if (a == 0) {
            return 0;
        }
        uint256 x = a;
        uint256 y = (a >> 1) + 1;
        while (y < x) {
            x = y;
            y = (a / y + y) >> 1;
        }
        return int256(x);
    }

    function _channel(int256 v) private pure returns (uint8) {
        int256 c = v / ONE;
        if (c < 0) {
            return 0;
        }
        if (c > 255) {
            return 255;
        }
        return uint8(uint256(c));
    }

    /// Centre and radius; sphere 0 is a huge one that serves as the floor.
    function _sphere(uint256 i) private pure returns (int256, int256, int256, int256) {
        if (i == 0) return (0, -1000 * ONE, 5 * ONE, 1000 * ONE);
        if (i == 1) return (0, ONE, 5 * ONE, ONE);
        if (i == 2) return (-2 * ONE, 7e5, 6 * ONE, 7e5);
        if (i == 3) return (2 * ONE, 8e5, 45e5, 8e5);
        return (8e5, 3e5, 3 * ONE, 3e5);
    }

    /// 0xRRGGBB and reflectivity (0..ONE).
    function _material(uint256 i) private pure returns (uint256, int256) {
        if (i == 0) return (0xb4b4b4, 0);
        if (i == 1) return (0xdc2828, 3e5);
        if (i == 2) return (0x28c850, 1e5);
        if (i == 3) return (0x3c50dc, 5e5);
        return (0xf0d228, 0);
    }
}
