package org.megaeth.config;

/**
 * One option as the CLI's help and the operator docs show it.
 *
 * @param key the dotted key, as in the config file ({@code rpc.port})
 * @param description one line saying what it does
 * @param defaultValue the default, formatted as it would be written; empty when unset
 */
public record OptionDoc(String key, String description, String defaultValue) {}
