SomeSubstitutionsType = object
