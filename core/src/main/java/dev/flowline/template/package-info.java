/**
 * Templates and expressions in workflow definitions: {@code {{ ... }}} Pebble templates (Jinja
 * syntax), compiled once when a definition is loaded and rendered many times, concurrently.
 *
 * <p>Entry point: {@link dev.flowline.template.TemplateEngine}. Templates are sandboxed (no method
 * calls, no other templates or files), strict (an undefined variable or key is an error) and typed
 * (a template that is one expression renders to that expression's value, not its text). Context
 * values are plain JSON-like Java values: maps, lists, strings, numbers, booleans and null.
 */
package dev.flowline.template;
