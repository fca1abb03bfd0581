System.Console.WriteLine("benchmarks: none yet");
