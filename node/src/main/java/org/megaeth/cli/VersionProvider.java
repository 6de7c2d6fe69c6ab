package org.megaeth.cli;

import picocli.CommandLine.IVersionProvider;

/** The version comes from the jar manifest, written by the build. */
final class VersionProvider implements IVersionProvider {
  static String version() {
    String version = MegaethNode.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "megaeth-node " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
