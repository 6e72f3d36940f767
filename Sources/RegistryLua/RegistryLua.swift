// RegistryLua: the only place Lua and the domain meet.
