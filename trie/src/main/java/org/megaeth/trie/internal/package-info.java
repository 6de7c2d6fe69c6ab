/** Helpers shared by the trie packages. Not API: may change without notice. */
package org.megaeth.trie.internal;
