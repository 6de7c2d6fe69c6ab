// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A plain OpenZeppelin ERC-20 whose whole supply goes to the deployer: the token of the
/// ERC-20 transfer benchmark and the two tokens of the Uniswap V2 pair.
contract BenchToken is ERC20 {
    constructor(uint256 supply) ERC20("Bench Token", "BENCH") {
        _mint(msg.sender, supply);
    }
}
