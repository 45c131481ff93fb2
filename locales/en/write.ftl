# Writing output files (-o), and stopping when the user presses Ctrl-C.
write-cannot = cannot write { $path }: { $reason }
write-is-input = this is an input file of this command; orgplan never writes over its inputs: name another file
write-is-folder = this is a folder, not a file: name a file
write-link-loop = a symbolic link loop, or too many links
write-interrupted = stopped as asked: nothing was written
write-io-not-found = the folder does not exist ({ $detail })
write-io-permission = permission denied ({ $detail })
write-io-exists = the file exists ({ $detail })
write-io-full = the disk is full ({ $detail })
write-io-read-only = the disk is read-only ({ $detail })
write-io-bad-name = the file name is invalid or too long ({ $detail })
write-io-other = a system error ({ $detail })
