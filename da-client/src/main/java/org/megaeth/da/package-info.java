/** Data-availability client interface and backends. */
package org.megaeth.da;
