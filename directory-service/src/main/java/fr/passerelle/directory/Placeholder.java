package fr.passerelle.directory;
class Placeholder {}
