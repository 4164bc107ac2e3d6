global using Disclosure.Storage;
