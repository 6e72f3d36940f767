// Render: tables measured in display width, renderers and SVG charts. Must not import: Lua.
