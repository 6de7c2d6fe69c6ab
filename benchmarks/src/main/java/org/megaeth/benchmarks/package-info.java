/**
 * JMH benchmarks. Build with {@code ./mvnw -pl benchmarks -am package -DskipTests} and run {@code
 * java -jar benchmarks/target/benchmarks.jar <regex>}; results go to docs/benchmarks.md.
 */
package org.megaeth.benchmarks;
