| [KB003](#kb003) | `no-language-pack` | info | every language | The page's language has no wording pack, so only language-neutral checks ran. |
