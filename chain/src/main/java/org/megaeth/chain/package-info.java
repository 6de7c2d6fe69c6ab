/** Block validation and execution shared by every role. */
package org.megaeth.chain;
