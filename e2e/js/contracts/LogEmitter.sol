// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Emits many logs per transaction with every topic count (LOG0 to LOG4), for log queries,
/// filters and subscriptions.
contract LogEmitter {
    event Ping(uint256 indexed round, uint256 indexed index, address indexed sender, bytes32 tag);
    event Counted(uint256 indexed round, uint256 total);
    event Plain(uint256 value) anonymous;

    uint256 public rounds;

    function emitMany(uint256 count, bytes32 tag) external {
        uint256 round = ++rounds;
        for (uint256 i = 0; i < count; i++) {
            emit Ping(round, i, msg.sender, tag);
        }
        emit Plain(count);
        emit Counted(round, count);
    }

    function emitRaw(bytes32 a, bytes32 b, bytes32 c, bytes32 d) external {
        assembly {
            let p := mload(0x40)
            mstore(p, 0x2a)
            log0(p, 0x20)
            log1(p, 0x20, a)
            log2(p, 0x20, a, b)
            log3(p, 0x20, a, b, c)
            log4(p, 0x20, a, b, c, d)
        }
    }
}
